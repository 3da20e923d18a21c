-- Retention (privacy.Retention): what it needs from the schema.

-- An incident whose reports were redacted keeps only a coarse location (about 100 m).
ALTER TABLE incident ADD COLUMN redacted_at timestamptz;

-- Board events stay append-only for everyone, with one exception: the retention job prunes
-- events older than its horizon (they carry incident locations and team positions). It does so
-- through prune_board_events, which runs with the owner's rights, because the application's
-- own role may not delete events at all (see afterMigrate.sql).
CREATE FUNCTION board_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('quartier.pruning_board_events', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
DROP TRIGGER board_event_append_only ON board_event;
CREATE TRIGGER board_event_append_only BEFORE UPDATE OR DELETE ON board_event
    FOR EACH ROW EXECUTE FUNCTION board_event_refuse_change();

CREATE FUNCTION prune_board_events(occurred_before timestamptz) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    removed bigint;
BEGIN
    PERFORM set_config('quartier.pruning_board_events', 'on', true);
    DELETE FROM board_event WHERE occurred_at < occurred_before;
    GET DIAGNOSTICS removed = ROW_COUNT;
    PERFORM set_config('quartier.pruning_board_events', 'off', true);
    RETURN removed;
END $$;
REVOKE EXECUTE ON FUNCTION prune_board_events(timestamptz) FROM PUBLIC;

-- Admins look the audit log up by who acted and by what was done.
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at);
CREATE INDEX audit_log_action_idx ON audit_log (action, at);
