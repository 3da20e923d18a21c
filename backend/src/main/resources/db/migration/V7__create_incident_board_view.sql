-- The board's view of incidents, set-based: the snapshot reads many rows at once, events read
-- one (incident_summary, redefined on top of this view, keeps a single definition of both).

CREATE VIEW incident_board AS
SELECT i.id, i.state, i.quarter_id,
       jsonb_build_object(
           'id', i.id,
           'version', i.version,
           'state', i.state,
           'category', i.category_code,
           'priority', i.priority,
           'teamTypes', to_jsonb(i.team_types),
           'flags', to_jsonb(i.flags),
           'hotspot', i.hotspot,
           'overdue', i.overdue,
           'deadline', i.deadline,
           'createdAt', i.created_at,
           'updatedAt', i.updated_at,
           'quarter', CASE WHEN q.id IS NULL THEN NULL ELSE jsonb_build_object('code', q.code, 'name', q.name) END,
           'lat', round(ST_Y(i.location)::numeric, 6),
           'lon', round(ST_X(i.location)::numeric, 6),
           'reports', reports.count,
           'assignments', assignments.list,
           'outcome', i.outcome,
           'mergedInto', i.merged_into) AS summary
FROM incident i
LEFT JOIN quarter q ON q.id = i.quarter_id
CROSS JOIN LATERAL (SELECT count(*) AS count FROM report r WHERE r.incident_id = i.id) AS reports
CROSS JOIN LATERAL (SELECT coalesce(jsonb_agg(jsonb_build_object(
                        'id', a.id, 'teamId', a.team_id, 'state', a.state, 'version', a.version) ORDER BY a.id),
                        '[]'::jsonb) AS list
                    FROM assignment a WHERE a.incident_id = i.id) AS assignments;

CREATE OR REPLACE FUNCTION incident_summary(incident_id bigint) RETURNS jsonb
    LANGUAGE sql STABLE AS $$
    SELECT summary FROM incident_board WHERE id = incident_id
$$;
