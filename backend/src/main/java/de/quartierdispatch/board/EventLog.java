package de.quartierdispatch.board;

import java.util.Map;

import de.quartierdispatch.system.SqlParameters;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Writes board events inside the transaction that makes the change, so that a change and
 * its event are committed together or not at all. Append events last: see
 * {@code append_board_event} for why the sequence numbers are gap-free in commit order.
 */
@Component
public class EventLog {

	private final DatabaseClient db;

	private final JsonMapper json;

	EventLog(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/** The last sequence number committed: where a client starts following the stream. */
	public Mono<Long> lastSeq() {
		return this.db.sql("SELECT last_seq FROM board_event_sequence")
			.map((row) -> row.get("last_seq", Long.class))
			.one();
	}

	/**
	 * Records a change of an incident; the event carries the incident's board summary.
	 */
	public Mono<Long> incidentChanged(BoardEventType type, long incidentId, String actor, Map<String, ?> details) {
		return append(type, incidentId, null, actor, details);
	}

	/** Records a change of a team; the event carries the team's board summary. */
	public Mono<Long> teamChanged(BoardEventType type, long teamId, String actor, Map<String, ?> details) {
		return append(type, null, teamId, actor, details);
	}

	/** Records a change that concerns an incident and a team (an assignment). */
	public Mono<Long> assignmentChanged(BoardEventType type, long incidentId, long teamId, String actor,
			Map<String, ?> details) {
		return append(type, incidentId, teamId, actor, details);
	}

	private Mono<Long> append(BoardEventType type, Long incidentId, Long teamId, String actor, Map<String, ?> details) {
		return this.db.sql("SELECT append_board_event(:type, :incident, :team, :actor, :details::jsonb) AS seq")
			.bind("type", type.name())
			.bind("incident", SqlParameters.nullable(incidentId, Long.class))
			.bind("team", SqlParameters.nullable(teamId, Long.class))
			.bind("actor", actor)
			.bind("details", this.json.writeValueAsString(details))
			.map((row) -> row.get("seq", Long.class))
			.one();
	}

}
