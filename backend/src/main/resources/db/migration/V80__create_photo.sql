-- Photos of reports (resident form, counter) and of field teams' steps. Stored re-encoded,
-- without any metadata, next to the report they belong to: one backup, one retention, one
-- transaction (README, "Photos").
CREATE TABLE photo (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- A resident's or counter photo belongs to its report (and follows it when incidents are
    -- merged); a field team's photo belongs to the incident and optionally to the assignment.
    report_id       bigint REFERENCES report (id) ON DELETE CASCADE,
    incident_id     bigint REFERENCES incident (id) ON DELETE CASCADE,
    assignment_id   bigint REFERENCES assignment (id) ON DELETE CASCADE,
    uploaded_by     text NOT NULL,
    media_type      text NOT NULL DEFAULT 'image/jpeg' CHECK (media_type = 'image/jpeg'),
    width           int NOT NULL CHECK (width > 0),
    height          int NOT NULL CHECK (height > 0),
    image           bytea NOT NULL,
    thumbnail       bytea NOT NULL,
    hidden_at       timestamptz,
    hidden_by       text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((report_id IS NULL) <> (incident_id IS NULL))
);
-- JPEG does not compress further: keep PostgreSQL from trying.
ALTER TABLE photo ALTER COLUMN image SET STORAGE EXTERNAL;
ALTER TABLE photo ALTER COLUMN thumbnail SET STORAGE EXTERNAL;
CREATE INDEX photo_report_idx ON photo (report_id) WHERE report_id IS NOT NULL;
CREATE INDEX photo_incident_idx ON photo (incident_id) WHERE incident_id IS NOT NULL;

-- Retention and erasure remove photos together with the text: whatever redacts a report
-- (the retention job, a data subject's erasure request) removes its photos in the same
-- transaction, and a redacted incident loses its field photos.
CREATE FUNCTION photo_erase_with_report() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM photo WHERE report_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER report_redacted_erases_photos AFTER UPDATE OF redacted_at ON report
    FOR EACH ROW WHEN (NEW.redacted_at IS NOT NULL AND OLD.redacted_at IS NULL)
    EXECUTE FUNCTION photo_erase_with_report();

CREATE FUNCTION photo_erase_with_incident() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM photo WHERE incident_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER incident_redacted_erases_photos AFTER UPDATE OF redacted_at ON incident
    FOR EACH ROW WHEN (NEW.redacted_at IS NOT NULL AND OLD.redacted_at IS NULL)
    EXECUTE FUNCTION photo_erase_with_incident();
