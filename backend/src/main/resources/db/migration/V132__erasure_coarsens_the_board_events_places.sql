-- An erasure coarsens the incident's place (privacy.DataSubjectSql.ERASE), but its board
-- events kept the exact place, and the teams' positions there, until they were pruned:
-- a board replaying the stream read them for up to two weeks. The erasure (and retention,
-- should events be kept longer than texts) now snaps every place in the case's events to the
-- same grid. For everyone else the log stays append-only: a change passes only inside
-- forget_board_event_places, as a delete only inside prune_board_events (V108).
CREATE OR REPLACE FUNCTION append_only_except_pruning() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('quartier.pruning_' || TG_TABLE_NAME, true) = 'on' THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND current_setting('quartier.coarsening_' || TG_TABLE_NAME, true) = 'on' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

-- Every "lat" and "lon" number in the document, at any depth, snapped to the grid as
-- ST_SnapToGrid snaps a point (to the nearest multiple of the step).
CREATE FUNCTION jsonb_snap_places(doc jsonb, step numeric) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN CASE jsonb_typeof(doc)
        WHEN 'object' THEN (
            SELECT coalesce(jsonb_object_agg(key, CASE
                       WHEN key IN ('lat', 'lon') AND jsonb_typeof(value) = 'number'
                           THEN to_jsonb(round(value::text::numeric / step) * step)
                       ELSE jsonb_snap_places(value, step) END), '{}'::jsonb)
            FROM jsonb_each(doc))
        WHEN 'array' THEN (
            SELECT coalesce(jsonb_agg(jsonb_snap_places(value, step) ORDER BY position), '[]'::jsonb)
            FROM jsonb_array_elements(doc) WITH ORDINALITY AS element(value, position))
        ELSE doc
    END;
END $$;

CREATE FUNCTION forget_board_event_places(incidents bigint[], step double precision) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    changed bigint;
BEGIN
    PERFORM set_config('quartier.coarsening_board_event', 'on', true);
    UPDATE board_event SET data = jsonb_snap_places(data, step::numeric)
    WHERE incident_id = ANY (incidents) AND data IS DISTINCT FROM jsonb_snap_places(data, step::numeric);
    GET DIAGNOSTICS changed = ROW_COUNT;
    PERFORM set_config('quartier.coarsening_board_event', 'off', true);
    RETURN changed;
END $$;
