-- A team's reach (V111) as it was when each event happened. Worked out when an event is read,
-- a board replaying older events after a reconnect saw a team's earlier positions whenever the
-- team reached the lead's quarters now. Events written before this keep no reach: a lead
-- limited to some quarters sees them without the team's position.
ALTER TABLE board_event ADD COLUMN team_reach text[];

CREATE OR REPLACE FUNCTION append_board_event(event_type text, incident bigint, team bigint, actor text, details jsonb)
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
    INSERT INTO board_event (seq, type, incident_id, incident_version, team_id, actor, occurred_at, data, team_reach)
    VALUES (next_seq, event_type, incident, (data -> 'incident' ->> 'version')::int, team, actor,
            clock_timestamp(), data, CASE WHEN team IS NOT NULL THEN team_reach(team) END);
    RETURN next_seq;
END $$;

-- The incident a team's alarm came from names where the team is, as its position does.
CREATE OR REPLACE FUNCTION without_position(summary jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE AS $$
    SELECT summary - 'lat' - 'lon' - 'positionAt' #- '{alarm,incidentId}'
$$;
