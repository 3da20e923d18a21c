-- The board snapshot aggregates the summaries of every open incident. Built as json (plain text)
-- rather than jsonb, that takes about 40% of the time (10,000 incidents: 160 ms instead of 400 ms,
-- see ops/bench/README.md). The summary stays defined once: the jsonb view, used for single
-- incidents and their board events, is now built on the json one.
CREATE VIEW incident_board_json AS
SELECT i.id, i.state, i.quarter_id,
       json_build_object(
           'id', i.id,
           'version', i.version,
           'state', i.state,
           'category', i.category_code,
           'priority', i.priority,
           'teamTypes', to_json(i.team_types),
           'flags', to_json(i.flags),
           'hotspot', i.hotspot,
           'overdue', i.overdue,
           'deadline', i.deadline,
           'createdAt', i.created_at,
           'updatedAt', i.updated_at,
           'quarter', CASE WHEN q.id IS NULL THEN NULL ELSE json_build_object('code', q.code, 'name', q.name) END,
           'lat', round(ST_Y(i.location)::numeric, 6),
           'lon', round(ST_X(i.location)::numeric, 6),
           'reports', reports.count,
           'assignments', assignments.list,
           'outcome', i.outcome,
           'mergedInto', i.merged_into) AS summary
FROM incident i
LEFT JOIN quarter q ON q.id = i.quarter_id
CROSS JOIN LATERAL (SELECT count(*) AS count FROM report r WHERE r.incident_id = i.id) AS reports
CROSS JOIN LATERAL (SELECT coalesce(json_agg(json_build_object(
                        'id', a.id, 'teamId', a.team_id, 'state', a.state, 'version', a.version) ORDER BY a.id),
                        '[]'::json) AS list
                    FROM assignment a WHERE a.incident_id = i.id) AS assignments;

CREATE OR REPLACE VIEW incident_board AS
SELECT id, state, quarter_id, summary::jsonb AS summary
FROM incident_board_json;
