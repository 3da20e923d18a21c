-- An erased case takes nothing new. Erasure and retention remove an incident's photos and
-- messages once, when its redacted_at is set (V80, V82): a photo, note, message to the
-- reporters or referral added to a closed incident after that would be kept for ever,
-- and reopening it would put an emptied case back on the board. Both are refused, for
-- every client, as a rule named "incident_erased" (409 for the client). An erased
-- incident still open (its last reporter asked for erasure while a team was out) may
-- still be worked and closed; what is added to it meanwhile goes at the next retention
-- run (PhotoRetention, ErasedCaseMessagesRetention; notes by their own period).
CREATE FUNCTION refuse_addition_to_erased_case() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM incident
               WHERE id = NEW.incident_id AND redacted_at IS NOT NULL AND closed_at IS NOT NULL) THEN
        RAISE EXCEPTION 'incident % was erased', NEW.incident_id
            USING ERRCODE = 'check_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = 'incident_erased';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER incident_note_not_on_erased_case BEFORE INSERT ON incident_note
    FOR EACH ROW EXECUTE FUNCTION refuse_addition_to_erased_case();
CREATE TRIGGER photo_not_on_erased_case BEFORE INSERT ON photo
    FOR EACH ROW WHEN (NEW.incident_id IS NOT NULL) EXECUTE FUNCTION refuse_addition_to_erased_case();
CREATE TRIGGER reporter_message_not_on_erased_case BEFORE INSERT ON reporter_message
    FOR EACH ROW EXECUTE FUNCTION refuse_addition_to_erased_case();
CREATE TRIGGER referral_not_on_erased_case BEFORE INSERT ON referral
    FOR EACH ROW WHEN (NEW.incident_id IS NOT NULL) EXECUTE FUNCTION refuse_addition_to_erased_case();

CREATE FUNCTION refuse_reopening_erased_case() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'incident % was erased', OLD.id
        USING ERRCODE = 'check_violation', TABLE = 'incident', CONSTRAINT = 'incident_erased';
END
$$;

CREATE TRIGGER erased_case_stays_closed BEFORE UPDATE OF closed_at ON incident
    FOR EACH ROW
    WHEN (OLD.redacted_at IS NOT NULL AND OLD.closed_at IS NOT NULL AND NEW.closed_at IS NULL)
    EXECUTE FUNCTION refuse_reopening_erased_case();
