package de.quartierdispatch.incident;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import de.quartierdispatch.routing.ReportFlag;
import de.quartierdispatch.system.SqlParameters;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Incidents as stored.
 */
@Repository
public class Incidents {

	private static final String OPEN = """
			INSERT INTO incident (category_code, quarter_id, location, state, priority, team_types, flags, deadline,
			                      routing_rule_id, routing_rule_version, routing_explanation, routing_parts, hotspot, escalate_to_priority,
			                      escalate_add_team_type, created_at, updated_at)
			VALUES (:category, :quarter, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326), 'OPEN', :priority, :teamTypes,
			        :flags, :deadline, :ruleId, :ruleVersion, :explanation, :parts::jsonb, :hotspot, :escalateTo, :escalateAdd,
			        :openedAt, :openedAt)
			RETURNING id
			""";

	private final DatabaseClient db;

	private final JsonMapper json;

	Incidents(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/** Opens an incident for its first report and returns its id. */
	public Mono<Long> open(NewIncident incident) {
		OffsetDateTime openedAt = OffsetDateTime.ofInstant(incident.openedAt(), ZoneOffset.UTC);
		return this.db.sql(OPEN)
			.bind("category", incident.category())
			.bind("quarter", SqlParameters.nullable(incident.quarterId(), Long.class))
			.bind("lat", incident.location().lat())
			.bind("lon", incident.location().lon())
			.bind("priority", (short) incident.routing().priority())
			.bind("teamTypes", incident.routing().teamTypes().toArray(String[]::new))
			.bind("flags", incident.flags().stream().map(ReportFlag::name).sorted().toArray(String[]::new))
			.bind("deadline",
					OffsetDateTime.ofInstant(incident.routing().deadline(incident.openedAt()), ZoneOffset.UTC))
			.bind("ruleId", incident.routing().ruleId())
			.bind("ruleVersion", incident.routing().ruleVersion())
			.bind("explanation", incident.routing().explanation())
			.bind("parts", this.json.writeValueAsString(incident.routing().explanationParts()))
			.bind("hotspot", incident.routing().hotspot())
			.bind("escalateTo",
					SqlParameters.nullable((incident.routing().escalateToPriority() != null)
							? incident.routing().escalateToPriority().shortValue() : null, Short.class))
			.bind("escalateAdd", SqlParameters.nullable(incident.routing().escalateAddTeamType(), String.class))
			.bind("openedAt", openedAt)
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	/**
	 * Adds a report to the incident it joins, when the incident is open, within the remit
	 * of whoever enters the report, of the same category and near it (what the counter's
	 * list of nearby incidents offers): a walk-in about another place or matter, and its
	 * reporter's contact details, do not end up with the leads and teams of another
	 * quarter. Returns the incident's id, or empty when the report may not join it (see
	 * {@link #whyNotJoin}).
	 */
	public Mono<Long> attachReport(ReportJoin join, OffsetDateTime at) {
		return bind(this.db.sql("""
				UPDATE incident SET version = version + 1, updated_at = :at
				WHERE id = :id AND state IN ('OPEN', 'DISPATCHED', 'ON_SITE')
				  AND (:unscoped OR quarter_id = ANY(:scope))
				  AND category_code = :category
				  AND ST_DWithin(location::geography, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography, :radius)
				RETURNING id
				"""), join).bind("category", join.category())
			.bind("lat", join.near().lat())
			.bind("lon", join.near().lon())
			.bind("radius", join.radiusMeters())
			.bind("at", at)
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	/**
	 * Why a report could not join an incident: the first of the conditions it fails (a
	 * change in between aside).
	 */
	public Mono<JoinRefusal> whyNotJoin(ReportJoin join) {
		return bind(this.db.sql("""
				SELECT CASE WHEN state NOT IN ('OPEN', 'DISPATCHED', 'ON_SITE') THEN 'NOT_OPEN'
				            WHEN NOT (:unscoped OR quarter_id = ANY(:scope)) THEN 'OUTSIDE_REMIT'
				            ELSE 'ELSEWHERE' END AS refusal
				FROM incident WHERE id = :id
				"""), join).map((row) -> JoinRefusal.valueOf(row.get("refusal", String.class)))
			.one()
			.defaultIfEmpty(JoinRefusal.UNKNOWN);
	}

	private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec sql, ReportJoin join) {
		return sql.bind("id", join.incidentId())
			.bind("unscoped", join.remit().isEmpty())
			.bind("scope", join.remit().toArray(Long[]::new));
	}

	/** Reads an incident and locks it for the rest of the transaction. */
	Mono<IncidentRow> lock(long id) {
		return this.db.sql("""
				SELECT id, version, state, priority, quarter_id, team_types FROM incident WHERE id = :id FOR UPDATE
				""").bind("id", id).map(Incidents::toRow).one();
	}

	/**
	 * Moves an incident on: new state and outcome, version step, and the time it ended.
	 */
	Mono<Void> update(long id, IncidentState state, @Nullable String outcome, @Nullable String referredTo,
			OffsetDateTime at) {
		return this.db
			.sql("""
					UPDATE incident
					SET state = :state, outcome = coalesce(:outcome, outcome), referred_to = coalesce(:referredTo, referred_to),
					    closed_at = CASE WHEN :state IN ('RESOLVED', 'REFERRED', 'CLOSED') THEN :at ELSE closed_at END,
					    version = version + 1, updated_at = :at
					WHERE id = :id
					""")
			.bind("id", id)
			.bind("state", state.name())
			.bind("outcome", SqlParameters.nullable(outcome, String.class))
			.bind("referredTo", SqlParameters.nullable(referredTo, String.class))
			.bind("at", at)
			.then();
	}

	/**
	 * A team's arrival taken earlier than it reached the server: the first arrival on
	 * site (V100) is the earliest one taken.
	 */
	Mono<Void> arrivedBy(long id, OffsetDateTime at) {
		return this.db.sql("UPDATE incident SET on_site_at = least(on_site_at, :at) WHERE id = :id")
			.bind("id", id)
			.bind("at", at)
			.then();
	}

	/** Ends an incident with a lead's decision. */
	Mono<Void> decide(long id, Outcome outcome, @Nullable String referredTo, @Nullable String reason, String decidedBy,
			OffsetDateTime at) {
		return this.db.sql("""
				UPDATE incident
				SET state = :state, outcome = :outcome, referred_to = :referredTo, outcome_reason = :reason,
				    decided_by = :decidedBy, closed_at = :at, version = version + 1, updated_at = :at
				WHERE id = :id
				""")
			.bind("id", id)
			.bind("state", outcome.state().name())
			.bind("outcome", outcome.name())
			.bind("referredTo", SqlParameters.nullable((outcome == Outcome.REFERRED) ? referredTo : null, String.class))
			.bind("reason", SqlParameters.nullable(reason, String.class))
			.bind("decidedBy", decidedBy)
			.bind("at", at)
			.then();
	}

	/**
	 * Takes a lead's decision back: the incident is active again (in the state its
	 * assignments give it), its outcome cleared.
	 */
	Mono<Void> undoDecision(long id, IncidentState state, OffsetDateTime at) {
		return this.db.sql("""
				UPDATE incident
				SET state = :state, outcome = NULL, referred_to = NULL, outcome_reason = NULL, decided_by = NULL,
				    closed_at = NULL, version = version + 1, updated_at = :at
				WHERE id = :id
				""").bind("id", id).bind("state", state.name()).bind("at", at).then();
	}

	/** Locks an incident and reads who decided its end, and when. */
	Mono<Decided> lockDecided(long id) {
		return this.db.sql("""
				SELECT id, version, state, quarter_id, outcome, decided_by, closed_at, merged_into
				FROM incident WHERE id = :id FOR UPDATE
				""")
			.bind("id", id)
			.map((row) -> new Decided(row.get("id", Long.class), row.get("version", Integer.class),
					IncidentState.valueOf(row.get("state", String.class)), row.get("quarter_id", Long.class),
					row.get("outcome", String.class), row.get("decided_by", String.class),
					row.get("closed_at", OffsetDateTime.class), row.get("merged_into", Long.class) != null))
			.one();
	}

	Mono<Void> changePriority(long id, int priority, OffsetDateTime at) {
		return this.db
			.sql("UPDATE incident SET priority = :priority, version = version + 1, updated_at = :at WHERE id = :id")
			.bind("id", id)
			.bind("priority", (short) priority)
			.bind("at", at)
			.then();
	}

	/**
	 * Records that a duplicate was merged into this one: its flags join, its urgency
	 * counts.
	 */
	Mono<Void> absorb(long targetId, long duplicateId, OffsetDateTime at) {
		return this.db.sql("""
				UPDATE incident t
				SET flags = ARRAY(SELECT DISTINCT unnest(t.flags || d.flags) ORDER BY 1),
				    priority = least(t.priority, d.priority), version = t.version + 1, updated_at = :at
				FROM incident d
				WHERE t.id = :target AND d.id = :duplicate
				""").bind("target", targetId).bind("duplicate", duplicateId).bind("at", at).then();
	}

	Mono<Void> markMerged(long duplicateId, long targetId, OffsetDateTime at) {
		return this.db.sql("""
				UPDATE incident SET state = 'CLOSED', outcome = 'DUPLICATE', merged_into = :target, closed_at = :at,
				       decided_by = NULL, version = version + 1, updated_at = :at
				WHERE id = :duplicate
				""").bind("target", targetId).bind("duplicate", duplicateId).bind("at", at).then();
	}

	/** A merge's reports follow it: when they joined, and the move itself (V136). */
	Mono<Void> moveReports(long fromId, long toId, OffsetDateTime at) {
		return this.db
			.sql("""
					WITH moved AS (UPDATE report SET incident_id = :to, joined_at = :at WHERE incident_id = :from RETURNING id)
					INSERT INTO report_move (report_id, from_incident, to_incident, moved_at) SELECT id, :from, :to, :at FROM moved
					""")
			.bind("from", fromId)
			.bind("to", toId)
			.bind("at", at)
			.then();
	}

	private static IncidentRow toRow(Readable row) {
		return new IncidentRow(row.get("id", Long.class), row.get("version", Integer.class),
				IncidentState.valueOf(row.get("state", String.class)), row.get("priority", Short.class),
				row.get("quarter_id", Long.class), List.of(row.get("team_types", String[].class)));
	}

}
