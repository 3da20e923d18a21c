-- When an incident last changed in a way its reporters can see: its public status (received,
-- in progress, resolved, referred, closed), its outcome, or where it was referred to.
-- The status page and Open311 answered updated_at, which also moves on a note, a priority or
-- an escalation: the resident read "updated" and saw no change, and learned of internal work.
ALTER TABLE incident ADD COLUMN public_changed_at timestamptz;
UPDATE incident SET public_changed_at = updated_at;
ALTER TABLE incident ALTER COLUMN public_changed_at SET NOT NULL;

-- The status a resident sees (ReportStatus.Status): on the way and on site are one.
CREATE FUNCTION incident_public_stage(state text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN state IN ('DISPATCHED', 'ON_SITE') THEN 'IN_PROGRESS' ELSE state END
$$;

-- A trigger, not each statement: every writer of incident (commands, escalation,
-- reopening, merging) keeps the time right without knowing of it.
CREATE FUNCTION incident_record_public_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.public_changed_at := NEW.created_at;
    ELSIF incident_public_stage(NEW.state) IS DISTINCT FROM incident_public_stage(OLD.state)
            OR NEW.outcome IS DISTINCT FROM OLD.outcome
            OR NEW.referred_to IS DISTINCT FROM OLD.referred_to THEN
        NEW.public_changed_at := NEW.updated_at;
    ELSE
        NEW.public_changed_at := OLD.public_changed_at;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER incident_records_public_change BEFORE INSERT OR UPDATE ON incident
    FOR EACH ROW EXECUTE FUNCTION incident_record_public_change();
