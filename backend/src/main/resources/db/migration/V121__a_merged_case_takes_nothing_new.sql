-- A merged incident (closed as a duplicate; its reports and teams moved to the incident it
-- was merged into) takes nothing new: a note, photo, message to the reporters or referral
-- added to it would reach nobody (its reports are gone) and be missing from the case that
-- goes on. Refused for every client as the rule "incident_merged" (409 for the client,
-- naming the incident that goes on, which is the DETAIL).
CREATE FUNCTION refuse_addition_to_merged_case() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    survivor bigint;
BEGIN
    -- Waits for a merge under way (its lock on the incident; FOR KEY SHARE is what the
    -- insert's foreign key takes anyway) and sees what it decided: read without the lock,
    -- the incident as it was before the merge let a referral or photo sent meanwhile in.
    SELECT merged_into INTO survivor FROM incident WHERE id = NEW.incident_id FOR KEY SHARE;
    IF survivor IS NOT NULL THEN
        RAISE EXCEPTION 'incident % was merged into %', NEW.incident_id, survivor
            USING ERRCODE = 'check_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = 'incident_merged',
                  DETAIL = survivor::text;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER incident_note_not_on_merged_case BEFORE INSERT ON incident_note
    FOR EACH ROW EXECUTE FUNCTION refuse_addition_to_merged_case();
CREATE TRIGGER photo_not_on_merged_case BEFORE INSERT ON photo
    FOR EACH ROW WHEN (NEW.incident_id IS NOT NULL) EXECUTE FUNCTION refuse_addition_to_merged_case();
CREATE TRIGGER reporter_message_not_on_merged_case BEFORE INSERT ON reporter_message
    FOR EACH ROW EXECUTE FUNCTION refuse_addition_to_merged_case();
CREATE TRIGGER referral_not_on_merged_case BEFORE INSERT ON referral
    FOR EACH ROW WHEN (NEW.incident_id IS NOT NULL) EXECUTE FUNCTION refuse_addition_to_merged_case();
