-- "Still a problem?": a reporter reopens a closed incident within a window after it was
-- closed; later, their report moves to a new incident that follows the old one.
ALTER TABLE incident
    ADD COLUMN reopened_at timestamptz,
    ADD COLUMN reopen_count int NOT NULL DEFAULT 0,
    ADD COLUMN follows_incident bigint REFERENCES incident (id);

-- Mail: a reopened incident tells its reporters, and a reopened incident taken up again
-- says so once more.
CREATE OR REPLACE FUNCTION mail_announce_incident_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    message_kind text;
    message_key text;
    message_payload jsonb := '{}';
BEGIN
    IF OLD.state = 'OPEN' AND NEW.state IN ('DISPATCHED', 'ON_SITE') THEN
        message_kind := 'TAKEN_UP';
        message_key := 'taken-up:' || coalesce(NEW.reopened_at::text, 'first');
    ELSIF OLD.state IN ('OPEN', 'DISPATCHED', 'ON_SITE') AND NEW.state IN ('RESOLVED', 'REFERRED', 'CLOSED')
            AND NEW.outcome IS NOT NULL AND NEW.outcome <> 'DUPLICATE' THEN
        message_kind := 'OUTCOME';
        message_key := 'outcome:' || NEW.closed_at::text;
        message_payload := jsonb_build_object('outcome', NEW.outcome,
            'referredTo', CASE WHEN NEW.outcome = 'REFERRED' THEN NEW.referred_to END);
    ELSIF OLD.state IN ('RESOLVED', 'REFERRED', 'CLOSED') AND NEW.state = 'OPEN' THEN
        message_kind := 'REOPENED';
        message_key := 'reopened:' || NEW.reopened_at::text;
    ELSE
        RETURN NULL;
    END IF;
    INSERT INTO mail_outbox (report_id, kind, dedupe_key, payload, created_at, due_at)
    SELECT r.id, message_kind, message_key, message_payload, NEW.updated_at, NEW.updated_at
    FROM report r JOIN reporter_mail m ON m.report_id = r.id
    WHERE r.incident_id = NEW.id AND m.stopped_at IS NULL
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
