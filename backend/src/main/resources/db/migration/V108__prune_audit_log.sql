-- The audit log itself holds personal data (who looked at whose report, staff names in the
-- details), so it has a retention period too (quartier.privacy.audit-retention). It stays
-- append-only for everyone, with the same one exception as board events (V8): the retention
-- job removes entries older than the period through prune_audit_log, which runs with the
-- owner's rights. It never touches the last year, whatever it is asked: an account that took
-- over the application cannot wipe the record of what it did.

-- One guard for both append-only tables: a delete passes only inside their pruning function,
-- which sets quartier.pruning_<table> for its own transaction.
CREATE FUNCTION append_only_except_pruning() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('quartier.pruning_' || TG_TABLE_NAME, true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

DROP TRIGGER board_event_append_only ON board_event;
CREATE TRIGGER board_event_append_only BEFORE UPDATE OR DELETE ON board_event
    FOR EACH ROW EXECUTE FUNCTION append_only_except_pruning();
DROP FUNCTION board_event_refuse_change();

CREATE OR REPLACE FUNCTION prune_board_events(occurred_before timestamptz) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    removed bigint;
BEGIN
    PERFORM set_config('quartier.pruning_board_event', 'on', true);
    DELETE FROM board_event WHERE occurred_at < occurred_before;
    GET DIAGNOSTICS removed = ROW_COUNT;
    PERFORM set_config('quartier.pruning_board_event', 'off', true);
    RETURN removed;
END $$;

DROP TRIGGER audit_log_append_only ON audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION append_only_except_pruning();

CREATE FUNCTION prune_audit_log(recorded_before timestamptz) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    removed bigint;
BEGIN
    PERFORM set_config('quartier.pruning_audit_log', 'on', true);
    DELETE FROM audit_log WHERE at < least(recorded_before, now() - interval '365 days');
    GET DIAGNOSTICS removed = ROW_COUNT;
    PERFORM set_config('quartier.pruning_audit_log', 'off', true);
    RETURN removed;
END $$;
REVOKE EXECUTE ON FUNCTION prune_audit_log(timestamptz) FROM PUBLIC;
