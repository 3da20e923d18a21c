package de.quartierdispatch.board;

import java.util.Set;

import de.quartierdispatch.board.BoardMessage.Placed;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reading the event log. Sequence numbers are gap-free in commit order, so "everything
 * after n" is always a contiguous run.
 */
@Repository
class BoardEvents {

	private static final String AFTER = """
			SELECT seq, incident_id, team_id, data -> 'incident' -> 'quarter' ->> 'code' AS quarter_code,
			       jsonb_build_object('seq', seq, 'type', type, 'incidentId', incident_id,
			                          'incidentVersion', incident_version, 'teamId', team_id, 'at', occurred_at,
			                          'data', data)::text AS full_message,
			       CASE WHEN data ? 'team' THEN
			           jsonb_build_object('seq', seq, 'type', type, 'incidentId', incident_id,
			                              'incidentVersion', incident_version, 'teamId', team_id, 'at', occurred_at,
			                              'data', jsonb_set(data, '{team}', without_position(data -> 'team')))::text
			       END AS unplaced_message,
			       CASE WHEN incident_id IS NOT NULL AND data ? 'team' THEN
			           jsonb_build_object('seq', seq, 'type', type, 'teamId', team_id, 'at', occurred_at,
			                              'data', jsonb_build_object('team', data -> 'team'))::text
			       END AS team_message,
			       CASE WHEN incident_id IS NOT NULL AND data ? 'team' THEN
			           jsonb_build_object('seq', seq, 'type', type, 'teamId', team_id, 'at', occurred_at,
			                              'data', jsonb_build_object('team', without_position(data -> 'team')))::text
			       END AS unplaced_team_message,
			       coalesce(team_reach, '{}') AS team_reach,
			       CASE WHEN data #> '{team,alarm,incidentId}' IS NOT NULL THEN
			           coalesce((SELECT q.code FROM incident i JOIN quarter q ON q.id = i.quarter_id
			                     WHERE i.id = (data #>> '{team,alarm,incidentId}')::bigint), '')
			       END AS alarm_quarter_code,
			       jsonb_build_object('seq', seq, 'type', type, 'incidentId', incident_id, 'teamId', team_id,
			                          'at', occurred_at)::text AS brief_message,
			       ARRAY(SELECT a.team_id FROM assignment a
			             WHERE a.incident_id = board_event.incident_id
			               AND a.state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE')) AS teams_on_incident
			FROM board_event
			WHERE seq > :after
			ORDER BY seq
			LIMIT :limit
			""";

	private final DatabaseClient db;

	BoardEvents(DatabaseClient db) {
		this.db = db;
	}

	/** Up to {@code limit} events after {@code after}, in order. */
	Flux<BoardMessage> after(long after, int limit) {
		return this.db.sql(AFTER).bind("after", after).bind("limit", limit).map(BoardEvents::toMessage).all();
	}

	/**
	 * The sequence numbers still in the table: the retention job prunes old events, so a
	 * board that was away long enough cannot be replayed to and reloads instead.
	 */
	Mono<Retained> retained() {
		return this.db.sql("SELECT last_seq, (SELECT min(seq) FROM board_event) AS first_seq FROM board_event_sequence")
			.map((row) -> {
				long last = row.get("last_seq", Long.class);
				Long first = row.get("first_seq", Long.class);
				return new Retained((first != null) ? first : last + 1, last);
			})
			.one();
	}

	private static BoardMessage toMessage(Readable row) {
		return new BoardMessage(row.get("seq", Long.class), row.get("incident_id", Long.class),
				row.get("team_id", Long.class), Set.of(row.get("teams_on_incident", Long[].class)),
				row.get("quarter_code", String.class), Set.of(row.get("team_reach", String[].class)),
				row.get("alarm_quarter_code", String.class),
				new Placed(row.get("full_message", String.class), row.get("unplaced_message", String.class)), Placed
					.ofNullable(row.get("team_message", String.class), row.get("unplaced_team_message", String.class)),
				row.get("brief_message", String.class));
	}

	/**
	 * The range of events still in the table.
	 *
	 * @param first the oldest event kept (one past {@code last} when none is kept)
	 * @param last the last sequence number committed
	 */
	record Retained(long first, long last) {

		/** Whether every event after {@code since} is still there. */
		boolean replayableAfter(long since) {
			return since >= 0 && since <= this.last && since >= this.first - 1;
		}

	}

}
