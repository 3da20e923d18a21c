-- V132 snapped the places in the events of an erased case, but a team's position is also
-- in events about the team alone (a status change as it leaves the place, a decision
-- releasing it), written without the incident: while the team was there, that position is
-- the erased place. The events of the teams on the case, from its first event to an hour
-- after its last, are snapped too: a position elsewhere in that hour loses precision on a
-- replayed board, and none is kept longer than the events themselves.
CREATE OR REPLACE FUNCTION forget_board_event_places(incidents bigint[], step double precision) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    changed bigint;
BEGIN
    PERFORM set_config('quartier.coarsening_board_event', 'on', true);
    WITH the_case AS (
        SELECT min(occurred_at) AS opened, max(occurred_at) + interval '1 hour' AS closed,
               coalesce(array_agg(DISTINCT team_id) FILTER (WHERE team_id IS NOT NULL), '{}') AS teams
        FROM board_event
        WHERE incident_id = ANY (incidents)
    )
    UPDATE board_event e SET data = jsonb_snap_places(e.data, step::numeric)
    FROM the_case c
    WHERE (e.incident_id = ANY (incidents)
           OR (e.team_id = ANY (c.teams) AND e.occurred_at BETWEEN c.opened AND c.closed))
      AND e.data IS DISTINCT FROM jsonb_snap_places(e.data, step::numeric);
    GET DIAGNOSTICS changed = ROW_COUNT;
    PERFORM set_config('quartier.coarsening_board_event', 'off', true);
    RETURN changed;
END $$;
