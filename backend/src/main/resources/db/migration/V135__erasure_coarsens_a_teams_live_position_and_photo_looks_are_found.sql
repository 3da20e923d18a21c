-- A team's live position (team.last_position) taken while it was on an erased case is the
-- erased place too: the board's snapshot and the field app showed it exactly until the
-- team moved on. It is snapped like the events of the same hour (V133).
CREATE OR REPLACE FUNCTION forget_board_event_places(incidents bigint[], step double precision) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    changed bigint;
    opened timestamptz;
    closed timestamptz;
    teams bigint[];
BEGIN
    PERFORM set_config('quartier.coarsening_board_event', 'on', true);
    SELECT min(occurred_at), max(occurred_at) + interval '1 hour',
           coalesce(array_agg(DISTINCT team_id) FILTER (WHERE team_id IS NOT NULL), '{}')
    INTO opened, closed, teams
    FROM board_event
    WHERE incident_id = ANY (incidents);
    UPDATE board_event e SET data = jsonb_snap_places(e.data, step::numeric)
    WHERE (e.incident_id = ANY (incidents)
           OR (e.team_id = ANY (teams) AND e.occurred_at BETWEEN opened AND closed))
      AND e.data IS DISTINCT FROM jsonb_snap_places(e.data, step::numeric);
    GET DIAGNOSTICS changed = ROW_COUNT;
    UPDATE team t
    SET last_position = ST_SetSRID(ST_MakePoint(round(ST_X(t.last_position)::numeric / step::numeric) * step::numeric,
                                                round(ST_Y(t.last_position)::numeric / step::numeric) * step::numeric),
                                   4326)
    WHERE t.id = ANY (teams) AND t.last_position IS NOT NULL
      AND t.last_position_at BETWEEN opened AND closed;
    PERFORM set_config('quartier.coarsening_board_event', 'off', true);
    RETURN changed;
END $$;

-- A look at a team's photo is audited with the photo and its incident, not a report (a
-- case may have several): the reporter's export and the audit search by tracking code
-- find those looks by the photo.
CREATE INDEX audit_log_photo_idx ON audit_log ((details ->> 'photo'));
