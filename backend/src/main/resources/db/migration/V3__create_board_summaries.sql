-- What a dispatch board shows of an incident and of a team, defined once: board events carry
-- it as it was at the change, and the board's snapshot reads it as it is now. No reporter
-- contact details and no free text: events are kept longer than personal data may be.

CREATE FUNCTION incident_summary(incident_id bigint) RETURNS jsonb
    LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
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
        'reports', (SELECT count(*) FROM report r WHERE r.incident_id = i.id),
        'assignments', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                            'id', a.id, 'teamId', a.team_id, 'state', a.state, 'version', a.version) ORDER BY a.id),
                            '[]'::jsonb)
                        FROM assignment a WHERE a.incident_id = i.id),
        'outcome', i.outcome,
        'mergedInto', i.merged_into)
    FROM incident i LEFT JOIN quarter q ON q.id = i.quarter_id
    WHERE i.id = incident_id
$$;

CREATE FUNCTION team_summary(team_id bigint) RETURNS jsonb
    LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', t.id,
        'version', t.version,
        'name', t.name,
        'teamType', t.team_type,
        'status', t.status,
        'languages', to_jsonb(t.languages),
        'lat', round(ST_Y(t.last_position)::numeric, 6),
        'lon', round(ST_X(t.last_position)::numeric, 6),
        'positionAt', t.last_position_at)
    FROM team t
    WHERE t.id = team_id
$$;

-- "Open incidents near here" (duplicate hints, team proposals) measures in metres.
CREATE INDEX incident_open_geography_gix ON incident USING gist ((location::geography))
    WHERE state IN ('OPEN', 'DISPATCHED', 'ON_SITE');

-- Appends a board event. Call it as the last statement of the writing transaction: the
-- sequence row stays locked from here to commit (see board_event_sequence), which is what
-- makes sequence numbers gap-free in commit order.
CREATE FUNCTION append_board_event(event_type text, incident bigint, team bigint, actor text, details jsonb)
    RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    data jsonb := coalesce(details, '{}'::jsonb);
    summary jsonb;
    next_seq bigint;
BEGIN
    IF incident IS NOT NULL THEN
        summary := incident_summary(incident);
        IF summary IS NULL THEN
            RAISE EXCEPTION 'no incident %', incident;
        END IF;
        data := data || jsonb_build_object('incident', summary);
    END IF;
    IF team IS NOT NULL THEN
        summary := team_summary(team);
        IF summary IS NULL THEN
            RAISE EXCEPTION 'no team %', team;
        END IF;
        data := data || jsonb_build_object('team', summary);
    END IF;
    UPDATE board_event_sequence SET last_seq = last_seq + 1 RETURNING last_seq INTO next_seq;
    INSERT INTO board_event (seq, type, incident_id, incident_version, team_id, actor, occurred_at, data)
    VALUES (next_seq, event_type, incident, (data -> 'incident' ->> 'version')::int, team, actor,
            clock_timestamp(), data);
    RETURN next_seq;
END $$;
