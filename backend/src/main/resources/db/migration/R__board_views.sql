-- The live definition of what a dispatch board shows of an incident and of a team. Flyway
-- runs this repeatable migration after the versioned ones whenever its text changes, so this
-- file is the one place to change them (V3, V7 and V10 are their history: never edit those).
--
-- incident_board_json: every incident's summary as json (the snapshot aggregates these as
-- plain text, about 40% of the time of jsonb, see ops/bench/README.md); incident_board: the
-- same as jsonb, read for single incidents and their board events (incident_summary). No
-- reporter contact details and no free text: events are kept longer than personal data may be.

DROP VIEW IF EXISTS incident_board;
DROP VIEW IF EXISTS incident_board_json;

CREATE VIEW incident_board_json AS
SELECT i.id, i.state, i.quarter_id, row_to_json(summary) AS summary
FROM incident i
LEFT JOIN quarter q ON q.id = i.quarter_id
CROSS JOIN LATERAL (SELECT count(*) AS count FROM report r WHERE r.incident_id = i.id) AS reports
CROSS JOIN LATERAL (SELECT coalesce(json_agg(json_build_object(
                        'id', a.id, 'teamId', a.team_id, 'state', a.state, 'version', a.version) ORDER BY a.id),
                        '[]'::json) AS list
                    FROM assignment a WHERE a.incident_id = i.id) AS assignments
-- row_to_json writes no spaces between keys and values (json_build_object does): a tenth
-- less text to send and parse for a board's snapshot of thousands.
CROSS JOIN LATERAL (SELECT i.id,
                           i.version,
                           i.state,
                           i.category_code AS category,
                           i.priority,
                           to_json(i.team_types) AS "teamTypes",
                           to_json(i.flags) AS flags,
                           i.hotspot,
                           i.overdue,
                           i.deadline,
                           i.created_at AS "createdAt",
                           i.updated_at AS "updatedAt",
                           CASE WHEN q.id IS NULL THEN NULL
                                ELSE json_build_object('code', q.code, 'name', q.name) END AS quarter,
                           round(ST_Y(i.location)::numeric, 6) AS lat,
                           round(ST_X(i.location)::numeric, 6) AS lon,
                           reports.count AS reports,
                           assignments.list AS assignments,
                           i.outcome,
                           i.merged_into AS "mergedInto",
                           -- A resident said it is still a problem: the board marks it.
                           i.reopened_at AS "reopenedAt") AS summary;

CREATE VIEW incident_board AS
SELECT id, state, quarter_id, summary::jsonb AS summary
FROM incident_board_json;

CREATE OR REPLACE FUNCTION incident_summary(incident_id bigint) RETURNS jsonb
    LANGUAGE sql STABLE AS $$
    SELECT summary FROM incident_board WHERE id = incident_id
$$;

-- A team sent out and not yet on its way: still "available" by its status, but not free (the
-- board, the phone and the administration say "assigned"). The active states repeated make the
-- partial index assignment_one_active_per_team usable.
CREATE OR REPLACE FUNCTION team_assigned(team bigint) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM assignment a WHERE a.team_id = team
                   AND a.state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE') AND a.state = 'ASSIGNED')
$$;

CREATE OR REPLACE FUNCTION team_summary(team_id bigint) RETURNS jsonb
    LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', t.id,
        'version', t.version,
        'name', t.name,
        'teamType', t.team_type,
        'status', t.status,
        'assigned', team_assigned(t.id),
        'active', t.active,
        'languages', to_jsonb(t.languages),
        'lat', round(ST_Y(t.last_position)::numeric, 6),
        'lon', round(ST_X(t.last_position)::numeric, 6),
        'positionAt', t.last_position_at,
        'alarm', (SELECT jsonb_build_object('reason', c.alarm_reason, 'at', c.alarm_at,
                                            'incidentId', a.incident_id)
                  -- A call for help stays until a lead ends it, also once the job has ended
                  -- (a decision closed the incident meanwhile).
                  FROM check_in c JOIN assignment a ON a.id = c.assignment_id
                  WHERE c.team_id = t.id AND c.alarm_at IS NOT NULL
                  ORDER BY c.alarm_at DESC LIMIT 1))
    FROM team t
    WHERE t.id = team_id
$$;
