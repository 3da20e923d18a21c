-- Honest outcomes: how an incident ended, in words a reporter can be told.
--   RESOLVED            dealt with
--   REFERRED            handed to another body (referred_to says which: "where to turn")
--   NO_ACTION_POSSIBLE  nothing could be done (outcome_reason says why, for staff)
--   NOTHING_FOUND       a team went there and found nothing
--   DUPLICATE           merged into another incident
-- The old "NO_ACTION" (closed without action) becomes NO_ACTION_POSSIBLE.
ALTER TABLE incident DROP CONSTRAINT incident_outcome_check;
UPDATE incident SET outcome = 'NO_ACTION_POSSIBLE' WHERE outcome = 'NO_ACTION';
ALTER TABLE incident ADD CONSTRAINT incident_outcome_check
    CHECK (outcome IN ('RESOLVED', 'REFERRED', 'NO_ACTION_POSSIBLE', 'NOTHING_FOUND', 'DUPLICATE'));
ALTER TABLE incident ADD COLUMN outcome_reason text CHECK (length(outcome_reason) <= 500);

-- The reason is free text: retention and erasure redact it with the rest.
CREATE FUNCTION incident_redact_outcome_reason() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.outcome_reason := NULL;
    RETURN NEW;
END $$;
CREATE TRIGGER incident_redacted_drops_outcome_reason BEFORE UPDATE OF redacted_at ON incident
    FOR EACH ROW WHEN (NEW.redacted_at IS NOT NULL AND OLD.redacted_at IS NULL)
    EXECUTE FUNCTION incident_redact_outcome_reason();
