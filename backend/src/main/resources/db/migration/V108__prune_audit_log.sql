-- The audit log itself holds personal data (who looked at whose report, staff names in the
-- details), so it has a retention period too (quartier.privacy.audit-retention). It stays
-- append-only for everyone, with the same one exception as board events: the retention job
-- removes entries older than the period through prune_audit_log, which runs with the owner's
-- rights. It never touches the last year, whatever it is asked: an account that took over the
-- application cannot wipe the record of what it did.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('quartier.pruning_audit_log', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
DROP TRIGGER audit_log_append_only ON audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

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
