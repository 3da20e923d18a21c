package de.quartierdispatch.incident;

import java.time.OffsetDateTime;
import java.util.List;

import de.quartierdispatch.system.SqlParameters;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Assignments of teams to incidents.
 */
@Repository
class Assignments {

	private static final String COLUMNS = "id, incident_id, team_id, state, version, updated_at";

	private final DatabaseClient db;

	Assignments(DatabaseClient db) {
		this.db = db;
	}

	Mono<Long> create(long incidentId, long teamId, String assignedBy, OffsetDateTime at) {
		return this.db.sql("""
				INSERT INTO assignment (incident_id, team_id, assigned_by, created_at, updated_at)
				VALUES (:incident, :team, :by, :at, :at) RETURNING id
				""")
			.bind("incident", incidentId)
			.bind("team", teamId)
			.bind("by", assignedBy)
			.bind("at", at)
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	/**
	 * Locks an assignment after its incident, the order every lead's command takes them
	 * in (a decision, a merge): a team's step at the same moment waits for it instead of
	 * deadlocking with it.
	 */
	Mono<AssignmentRow> lockAfterIncident(long id) {
		return this.db
			.sql("SELECT id FROM incident WHERE id = (SELECT incident_id FROM assignment WHERE id = :id) FOR UPDATE")
			.bind("id", id)
			.map((row) -> row.get("id", Long.class))
			.all()
			.then(lock(id));
	}

	Mono<AssignmentRow> lock(long id) {
		return this.db.sql("SELECT " + COLUMNS + " FROM assignment WHERE id = :id FOR UPDATE")
			.bind("id", id)
			.map(Assignments::toRow)
			.one();
	}

	Flux<AssignmentRow> ofIncident(long incidentId) {
		return this.db.sql("SELECT " + COLUMNS + " FROM assignment WHERE incident_id = :incident ORDER BY id")
			.bind("incident", incidentId)
			.map(Assignments::toRow)
			.all();
	}

	Mono<List<AssignmentState>> statesOf(long incidentId) {
		return ofIncident(incidentId).map(AssignmentRow::state).collectList();
	}

	Mono<Void> move(long id, AssignmentState state, @Nullable String note, @Nullable String declineReason,
			OffsetDateTime at) {
		return this.db.sql("""
				UPDATE assignment
				SET state = :state, note = coalesce(:note, note), decline_reason = coalesce(:reason, decline_reason),
				    version = version + 1, updated_at = :at
				WHERE id = :id
				""")
			.bind("id", id)
			.bind("state", state.name())
			.bind("note", SqlParameters.nullable(note, String.class))
			.bind("reason", SqlParameters.nullable(declineReason, String.class))
			.bind("at", at)
			.then();
	}

	/**
	 * Ends the active assignments of an incident a lead has decided: a team on site is
	 * done, one not there yet is called off; each keeps what it was, for an undo (what an
	 * earlier decision kept is cleared), and their safety timers end. Returns their
	 * teams.
	 */
	Flux<Long> finishActive(long incidentId, OffsetDateTime at) {
		return this.db.sql("""
				WITH earlier AS (
				    UPDATE assignment SET ended_from = NULL
				    WHERE incident_id = :incident AND ended_from IS NOT NULL
				      AND state NOT IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE')
				), ended AS (
				    UPDATE assignment
				    SET state = CASE WHEN state = 'ON_SITE' THEN 'DONE' ELSE 'WITHDRAWN' END, ended_from = state,
				        version = version + 1, updated_at = :at
				    WHERE incident_id = :incident AND state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE')
				    RETURNING id, team_id
				), timers AS (
				    -- The job's safety timer ends with it; a call for help stays until a lead
				    -- ends it, whatever happens to the incident.
				    DELETE FROM check_in WHERE assignment_id IN (SELECT id FROM ended) AND alarm_at IS NULL
				)
				SELECT team_id FROM ended
				""").bind("incident", incidentId).bind("at", at).map((row) -> row.get("team_id", Long.class)).all();
	}

	/**
	 * The teams whose jobs on the incident a decision ended, in the order they are locked
	 * in.
	 */
	Flux<Long> endedTeams(long incidentId) {
		return this.db.sql(
				"SELECT DISTINCT team_id FROM assignment WHERE incident_id = :incident AND ended_from IS NOT NULL ORDER BY team_id")
			.bind("incident", incidentId)
			.map((row) -> row.get("team_id", Long.class))
			.all();
	}

	/**
	 * Gives back the assignments the undone decision ended, where the team is free for it
	 * (available, and not sent elsewhere meanwhile); returns them as they are again.
	 */
	Flux<AssignmentRow> restoreEnded(long incidentId, OffsetDateTime at) {
		return this.db.sql("""
				UPDATE assignment a
				SET state = a.ended_from, ended_from = NULL, version = a.version + 1, updated_at = :at
				WHERE a.incident_id = :incident AND a.ended_from IS NOT NULL
				  AND EXISTS (SELECT 1 FROM team t WHERE t.id = a.team_id AND t.status = 'AVAILABLE' AND t.active)
				  AND NOT EXISTS (SELECT 1 FROM assignment o WHERE o.team_id = a.team_id AND o.id <> a.id
				                  AND o.state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE'))
				RETURNING a.id, a.incident_id, a.team_id, a.state, a.version, a.updated_at
				""").bind("incident", incidentId).bind("at", at).map(Assignments::toRow).all();
	}

	/** Hands the active assignments of a duplicate to the incident it was merged into. */
	Mono<Void> moveActive(long fromId, long toId) {
		return this.db.sql("""
				UPDATE assignment SET incident_id = :to, version = version + 1
				WHERE incident_id = :from AND state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE')
				""").bind("from", fromId).bind("to", toId).then();
	}

	private static AssignmentRow toRow(Readable row) {
		return new AssignmentRow(row.get("id", Long.class), row.get("incident_id", Long.class),
				row.get("team_id", Long.class), AssignmentState.valueOf(row.get("state", String.class)),
				row.get("version", Integer.class), row.get("updated_at", OffsetDateTime.class));
	}

}
