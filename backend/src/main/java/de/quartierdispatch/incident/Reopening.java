package de.quartierdispatch.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import de.quartierdispatch.board.BoardEventType;
import de.quartierdispatch.board.EventLog;
import de.quartierdispatch.geo.GeoPoint;
import de.quartierdispatch.incident.LifecycleProblems.NotFoundException;
import de.quartierdispatch.routing.ReportFlag;
import de.quartierdispatch.routing.Router;
import de.quartierdispatch.routing.RoutingRequest;
import de.quartierdispatch.system.ProblemException;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reporter says a closed incident is still a problem. Within the window after it was
 * closed it is reopened (back to open, outcome cleared, on the board again); later, their
 * report moves to a new incident, routed afresh, that follows the old one. Either way the
 * board hears of it in the same transaction.
 */
@Service
public class Reopening {

	private final DatabaseClient db;

	private final Incidents incidents;

	private final Router router;

	private final EventLog events;

	private final ReopenProperties properties;

	private final Clock clock;

	Reopening(DatabaseClient db, Incidents incidents, Router router, EventLog events, ReopenProperties properties,
			Clock clock) {
		this.db = db;
		this.incidents = incidents;
		this.router = router;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Reopens the incident of the report with this id, or opens a following one.
	 * @return the incident the report now belongs to, and whether it is a new one
	 */
	@Transactional
	public Mono<Reopened> stillAProblem(long reportId) {
		Instant now = this.clock.instant();
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		return lockIncidentOf(reportId).switchIfEmpty(Mono.error(NotReopenableException::new)).flatMap((closed) -> {
			if (closed.state().isActive() || closed.closedAt() == null || "DUPLICATE".equals(closed.outcome())) {
				return Mono.error(new NotReopenableException());
			}
			if (closed.closedAt().toInstant().plus(this.properties.window()).isAfter(now)) {
				return reopen(closed, at);
			}
			return follow(closed, reportId, now, at);
		});
	}

	private Mono<Reopened> reopen(ClosedIncident closed, OffsetDateTime at) {
		return this.db
			.sql("""
					UPDATE incident
					SET state = 'OPEN', outcome = NULL, referred_to = NULL, outcome_reason = NULL, closed_at = NULL, decided_by = NULL,
					    reopened_at = :at, reopen_count = reopen_count + 1, overdue = false,
					    version = version + 1, updated_at = :at
					WHERE id = :id
					""")
			.bind("id", closed.id())
			.bind("at", at)
			.then()
			.then(this.events.incidentChanged(BoardEventType.INCIDENT_STATE_CHANGED, closed.id(), "reporter",
					Map.of("from", closed.state(), "to", IncidentState.OPEN, "reopened", true)))
			.thenReturn(new Reopened(closed.id(), false));
	}

	private Mono<Reopened> follow(ClosedIncident closed, long reportId, Instant now, OffsetDateTime at) {
		RoutingRequest routing = new RoutingRequest(closed.category(), closed.quarterId(), closed.quarterCodes(), now,
				closed.flags());
		return this.router.route(routing)
			.flatMap((decision) -> this.incidents.open(new NewIncident(closed.category(), closed.quarterId(),
					closed.location(), closed.flags(), decision, now)))
			.flatMap((newId) -> this.db.sql("""
					WITH linked AS (UPDATE incident SET follows_incident = :old WHERE id = :new),
					     moved AS (UPDATE report SET incident_id = :new, joined_at = :at WHERE id = :report)
					INSERT INTO report_move (report_id, from_incident, to_incident, moved_at)
					VALUES (:report, :old, :new, :at)
					""")
				.bind("old", closed.id())
				.bind("at", at)
				.bind("new", newId)
				.bind("report", reportId)
				.then()
				.then(this.events.incidentChanged(BoardEventType.INCIDENT_OPENED, newId, "reporter",
						Map.of("channel", "WEB", "follows", closed.id())))
				.thenReturn(new Reopened(newId, true)));
	}

	/**
	 * Locks the report, then its incident: the order an erasure takes them in. A second
	 * "still a problem" at the same moment waits for the first and then finds the report
	 * where the first put it (not in the closed incident: no second follow-up); one
	 * erased meanwhile is not found.
	 */
	private Mono<ClosedIncident> lockIncidentOf(long reportId) {
		return this.db.sql("SELECT incident_id FROM report WHERE id = :report AND redacted_at IS NULL FOR UPDATE")
			.bind("report", reportId)
			.map((row) -> row.get("incident_id", Long.class))
			.one()
			.switchIfEmpty(Mono.error(NotFoundException::new))
			.flatMap((incidentId) -> this.db.sql("""
					SELECT i.id, i.state, i.outcome, i.closed_at, i.category_code, i.quarter_id, i.flags,
					       ST_Y(i.location) AS lat, ST_X(i.location) AS lon,
					       coalesce((SELECT array_agg(q.code) FROM quarter q
					                 WHERE i.quarter_id IS NOT NULL AND ST_Covers(q.geom, i.location)), '{}') AS codes
					FROM incident i
					WHERE i.id = :incident
					FOR UPDATE
					""").bind("incident", incidentId).map(Reopening::toClosed).one());
	}

	private static ClosedIncident toClosed(Readable row) {
		return new ClosedIncident(row.get("id", Long.class), IncidentState.valueOf(row.get("state", String.class)),
				row.get("outcome", String.class), row.get("closed_at", OffsetDateTime.class),
				row.get("category_code", String.class), row.get("quarter_id", Long.class),
				List.of(row.get("codes", String[].class)),
				new GeoPoint(row.get("lat", Double.class), row.get("lon", Double.class)),
				Arrays.stream(row.get("flags", String[].class)).map(ReportFlag::valueOf).collect(Collectors.toSet()));
	}

	/**
	 * Where the report is now.
	 *
	 * @param incidentId its incident
	 * @param followUp whether that is a new incident following the closed one
	 */
	public record Reopened(long incidentId, boolean followUp) {
	}

	private record ClosedIncident(long id, IncidentState state, @Nullable String outcome,
			@Nullable OffsetDateTime closedAt, String category, @Nullable Long quarterId, List<String> quarterCodes,
			GeoPoint location, Set<ReportFlag> flags) {
	}

	/** Only a closed report can be "still a problem" (and not one merged away). */
	static class NotReopenableException extends ProblemException {

		NotReopenableException() {
			super(HttpStatus.CONFLICT, "not-reopenable");
		}

	}

}
