package de.quartierdispatch.incident;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.quartierdispatch.board.BoardEventType;
import de.quartierdispatch.board.EventLog;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staged co-response: an incident with no team on site when its target time has passed is
 * marked overdue and escalated as its rule said when it was routed (priority raised, a
 * team type added). Each incident is escalated once: the statement claims due incidents
 * with {@code FOR UPDATE SKIP LOCKED} and marks them, so several instances running it at
 * the same moment share the work instead of repeating it, and an incident a team lead is
 * changing right now is simply taken on the next run.
 */
@Service
class Escalation {

	private static final String ESCALATE_DUE = """
			WITH due AS (
			    SELECT i.id, i.priority AS old_priority
			    FROM incident i
			    WHERE i.state IN ('OPEN', 'DISPATCHED') AND i.escalated_at IS NULL AND i.deadline < :now
			      AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.incident_id = i.id AND a.state = 'ON_SITE')
			    ORDER BY i.deadline
			    LIMIT 200
			    FOR UPDATE SKIP LOCKED
			)
			UPDATE incident i
			SET overdue = true, escalated_at = :now, updated_at = :now, version = i.version + 1,
			    priority = least(i.priority, coalesce(i.escalate_to_priority, i.priority)),
			    team_types = CASE WHEN i.escalate_add_team_type IS NULL OR i.escalate_add_team_type = ANY (i.team_types)
			                      THEN i.team_types ELSE i.team_types || i.escalate_add_team_type END
			FROM due
			WHERE i.id = due.id
			RETURNING i.id, due.old_priority, i.priority, i.escalate_add_team_type
			""";

	private final DatabaseClient db;

	private final EventLog events;

	private final Clock clock;

	Escalation(DatabaseClient db, EventLog events, Clock clock) {
		this.db = db;
		this.events = events;
		this.clock = clock;
	}

	/** Escalates what is due now; returns the incidents escalated by this call. */
	@Transactional
	Mono<List<Long>> escalateDue() {
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		Flux<Escalated> escalated = this.db.sql(ESCALATE_DUE)
			.bind("now", now)
			.map((row) -> new Escalated(row.get("id", Long.class), row.get("old_priority", Short.class),
					row.get("priority", Short.class), row.get("escalate_add_team_type", String.class)))
			.all();
		return escalated.collectList()
			.flatMap((all) -> Flux.fromIterable(all)
				.concatMap((incident) -> this.events.incidentChanged(BoardEventType.INCIDENT_ESCALATED, incident.id(),
						"system", incident.details()))
				.then(Mono.just(all.stream().map(Escalated::id).toList())));
	}

	private record Escalated(long id, int oldPriority, int priority, String addedTeamType) {

		Map<String, Object> details() {
			Map<String, Object> details = new HashMap<>();
			details.put("fromPriority", this.oldPriority);
			details.put("toPriority", this.priority);
			if (this.addedTeamType != null) {
				details.put("addedTeamType", this.addedTeamType);
			}
			return details;
		}

	}

}
