package de.quartierdispatch.incident;

import java.time.OffsetDateTime;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * What the next team lead needs at a shift change, within the lead's quarters: the open
 * incidents (most urgent first), how many are overdue, the alarms of the shift (P1
 * incidents opened or raised to P1, escalations), what changed during the shift (steps by
 * kind) and what was closed, with its outcome; and the coverage gaps: per quarter and
 * team type, the open time-bound incidents for which no team of that type covering the
 * quarter is available now.
 */
@Repository
class HandoverQueries {

	private static final String SUMMARY = """
			WITH scoped AS (
			    SELECT i.* FROM incident i WHERE (:unscoped OR i.quarter_id = ANY(:scope))
			),
			shift AS (
			    SELECT e.* FROM board_event e JOIN scoped i ON i.id = e.incident_id
			    WHERE e.occurred_at >= :since AND e.occurred_at <= :until
			)
			SELECT jsonb_build_object(
			    'since', :since, 'until', :until,
			    'open', coalesce((SELECT jsonb_agg(incident_summary(s.id) ORDER BY s.priority, s.deadline, s.id)
			                      FROM scoped s WHERE s.state IN ('OPEN', 'DISPATCHED', 'ON_SITE')), '[]'),
			    'overdue', (SELECT count(*) FROM scoped s WHERE s.state IN ('OPEN', 'DISPATCHED', 'ON_SITE')
			                AND (s.overdue OR (s.deadline < :until AND s.state <> 'ON_SITE'))),
			    'alarms', coalesce((SELECT jsonb_agg(jsonb_build_object('incidentId', e.incident_id, 'type', e.type,
			                          'at', e.occurred_at, 'category', e.data -> 'incident' ->> 'category',
			                          'quarter', e.data -> 'incident' -> 'quarter' ->> 'name',
			                          'priority', (e.data -> 'incident' ->> 'priority')::int) ORDER BY e.seq)
			                        FROM shift e
			                        WHERE e.type = 'INCIDENT_ESCALATED'
			                           OR (e.type = 'INCIDENT_OPENED' AND e.data -> 'incident' ->> 'priority' = '1')
			                           OR (e.type = 'PRIORITY_CHANGED' AND e.data ->> 'to' = '1')), '[]'),
			    -- A merge is two events (on the incident merged away and on the one it went into):
			    -- it counts once, by the incident merged away.
			    'changes', coalesce((SELECT jsonb_object_agg(c.type, c.steps)
			                         FROM (SELECT type, count(DISTINCT CASE WHEN type = 'INCIDENT_MERGED'
			                                                   THEN coalesce((data ->> 'from')::bigint, incident_id)
			                                                   ELSE seq END) AS steps
			                               FROM shift GROUP BY type) AS c), '{}'),
			    'closed', coalesce((SELECT jsonb_agg(jsonb_build_object('id', s.id, 'category', s.category_code,
			                           'outcome', s.outcome, 'closedAt', s.closed_at, 'priority', s.priority,
			                           'mergedInto', s.merged_into) ORDER BY s.closed_at)
			                        FROM scoped s WHERE s.closed_at >= :since AND s.closed_at <= :until), '[]'),
			    'coverage', coalesce((SELECT jsonb_agg(jsonb_build_object('quarter', c.quarter, 'teamType', c.team_type,
			                             'incidents', c.ids) ORDER BY c.quarter NULLS LAST, c.team_type)
			                          FROM (SELECT q.name AS quarter, needed.team_type,
			                                       jsonb_agg(s.id ORDER BY s.deadline, s.id) AS ids
			                                FROM scoped s
			                                LEFT JOIN quarter q ON q.id = s.quarter_id
			                                CROSS JOIN LATERAL unnest(s.team_types) AS needed(team_type)
			                                WHERE s.state IN ('OPEN', 'DISPATCHED', 'ON_SITE') AND s.deadline IS NOT NULL
			                                  -- no team of that type on it yet
			                                  AND NOT EXISTS (SELECT 1 FROM assignment a JOIN team t ON t.id = a.team_id
			                                                  WHERE a.incident_id = s.id AND t.team_type = needed.team_type
			                                                    AND a.state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE'))
			                                  -- and none of that type, covering the quarter, free now
			                                  AND NOT EXISTS (SELECT 1 FROM team t
			                                                  WHERE t.team_type = needed.team_type AND t.status = 'AVAILABLE'
			                                                    AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.team_id = t.id
			                                                                    AND a.state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE'))
			                                                    AND (s.quarter_id IS NULL
			                                                         OR EXISTS (SELECT 1 FROM team_quarter tq
			                                                                    WHERE tq.team_id = t.id AND tq.quarter_id = s.quarter_id)))
			                                GROUP BY q.name, needed.team_type) AS c), '[]')
			)::text AS summary
			""";

	private final DatabaseClient db;

	HandoverQueries(DatabaseClient db) {
		this.db = db;
	}

	/** The summary of the shift from {@code since} until {@code until}, as JSON. */
	Mono<String> summary(OffsetDateTime since, OffsetDateTime until, List<Long> quarterScope) {
		return this.db.sql(SUMMARY)
			.bind("since", since)
			.bind("until", until)
			.bind("unscoped", quarterScope.isEmpty())
			.bind("scope", quarterScope.toArray(Long[]::new))
			.map((row) -> row.get("summary", String.class))
			.one();
	}

}
