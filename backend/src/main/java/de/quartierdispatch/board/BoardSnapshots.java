package de.quartierdispatch.board;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The snapshot a board loads on start (and when it has fallen too far behind): every open
 * incident, every team, and the sequence number they are current as of (for a lead
 * limited to some quarters: their incidents, and positions only of the teams that work
 * there, V111). Both statements read one consistent view (repeatable read): continuing
 * the stream from that number misses nothing and repeats nothing. Built as json, not
 * jsonb: for thousands of incidents that is more than twice as fast (V10).
 * <p>
 * The incidents come one row each, not as one aggregate: 10,000 of them were one text of
 * 5 MB, which the driver gathered in a growing buffer outside the heap and the
 * application held again as one string, several times over with boards loading at once
 * (the benchmark's resident memory, ops/bench/README.md).
 */
@Repository
class BoardSnapshots {

	private static final String HEADER = """
			SELECT json_build_object(
			    'seq', (SELECT last_seq FROM board_event_sequence),
			    'teams', coalesce((SELECT json_agg(CASE WHEN cardinality(:scope::bigint[]) = 0
			                                                 OR (team_reach(t.id) && ARRAY(SELECT code FROM quarter
			                                                                               WHERE id = ANY (:scope::bigint[]))
			                                                     -- an alarm from an incident outside the
			                                                     -- quarters: position and incident withheld
			                                                     AND (s.summary #> '{alarm,incidentId}' IS NULL
			                                                          OR EXISTS (SELECT 1 FROM incident i
			                                                                     WHERE i.id = (s.summary #>> '{alarm,incidentId}')::bigint
			                                                                       AND i.quarter_id = ANY (:scope::bigint[]))))
			                                            THEN s.summary ELSE without_position(s.summary) END
			                                       ORDER BY t.team_type, t.name)
			                        FROM team t CROSS JOIN LATERAL (SELECT team_summary(t.id) AS summary) s
			                        WHERE t.active), '[]'::json),
			    'teamTypes', coalesce((SELECT json_agg(json_build_object('code', code, 'de', label_de, 'en', label_en,
			                                                             'color', color, 'voluntary', voluntary)
			                                     ORDER BY sort_order)
			                           FROM team_type), '[]'::json)
			)::text AS header
			""";

	private static final String INCIDENTS = """
			SELECT summary::text AS summary
			FROM incident_board_json
			WHERE state IN ('OPEN', 'DISPATCHED', 'ON_SITE')
			  AND (cardinality(:scope::bigint[]) = 0 OR quarter_id = ANY (:scope::bigint[]))
			ORDER BY id
			""";

	private final DatabaseClient db;

	BoardSnapshots(DatabaseClient db) {
		this.db = db;
	}

	/** The snapshot, limited to the given quarters when the list is not empty. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	Mono<SnapshotJson> snapshot(List<Long> quarterScope) {
		Mono<String> header = this.db.sql(HEADER)
			.bind("scope", quarterScope.toArray(Long[]::new))
			.map((row) -> row.get("header", String.class))
			.one();
		Mono<List<String>> incidents = this.db.sql(INCIDENTS)
			.bind("scope", quarterScope.toArray(Long[]::new))
			.map((row) -> row.get("summary", String.class))
			.all()
			.collectList();
		return header.zipWith(incidents, SnapshotJson::new);
	}

}
