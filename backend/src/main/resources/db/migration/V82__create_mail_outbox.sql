-- E-mail to reporters (README, "What a resident receives").
--
-- reporter_mail: one row per report whose reporter gave an e-mail address and consented;
-- the stop token is the only key of the stop link. The address itself stays in
-- reporter_contact (and goes with it at retention or erasure: a message whose address is
-- gone is dropped, not sent).
CREATE TABLE reporter_mail (
    report_id   bigint PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,
    stop_token  text NOT NULL UNIQUE DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
    stopped_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- The outbox: written in the transaction of the change that causes the message, sent later
-- by any instance (FOR UPDATE SKIP LOCKED and a lease), retried with backoff. It holds no
-- address and no text but a lead's public message; the text is made at sending time in the
-- reporter's language.
CREATE TABLE mail_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id       bigint NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    kind            text NOT NULL CHECK (kind IN ('CONFIRMATION', 'TAKEN_UP', 'OUTCOME', 'MESSAGE', 'REOPENED')),
    -- What makes a message unique: a change is never announced twice.
    dedupe_key      text NOT NULL,
    payload         jsonb NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    due_at          timestamptz NOT NULL DEFAULT now(),
    attempts        int NOT NULL DEFAULT 0,
    lease_until     timestamptz,
    leased_by       text,
    sent_at         timestamptz,
    -- Given up after the last attempt, or dropped (address erased, mail stopped).
    closed_at       timestamptz,
    close_reason    text,
    UNIQUE (report_id, kind, dedupe_key)
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (due_at) WHERE sent_at IS NULL AND closed_at IS NULL;

-- Whoever stores a contact with an e-mail address and consent is confirmed by mail.
CREATE FUNCTION mail_confirm_reporter() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.email IS NOT NULL AND NEW.consent_at IS NOT NULL THEN
        INSERT INTO reporter_mail (report_id, created_at) VALUES (NEW.report_id, NEW.consent_at)
            ON CONFLICT DO NOTHING;
        INSERT INTO mail_outbox (report_id, kind, dedupe_key, created_at, due_at)
            VALUES (NEW.report_id, 'CONFIRMATION', 'confirmation', NEW.consent_at, NEW.consent_at)
            ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER reporter_contact_confirms_by_mail AFTER INSERT ON reporter_contact
    FOR EACH ROW EXECUTE FUNCTION mail_confirm_reporter();

-- An incident taken up (a team assigned for the first time in this round) or ended tells
-- every subscribed reporter of it, in the same transaction as the change.
CREATE FUNCTION mail_announce_incident_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    message_kind text;
    message_key text;
    message_payload jsonb := '{}';
BEGIN
    IF OLD.state = 'OPEN' AND NEW.state IN ('DISPATCHED', 'ON_SITE') THEN
        message_kind := 'TAKEN_UP';
        message_key := 'taken-up:' || coalesce(NEW.closed_at::text, 'first');
    ELSIF OLD.state IN ('OPEN', 'DISPATCHED', 'ON_SITE') AND NEW.state IN ('RESOLVED', 'REFERRED', 'CLOSED')
            AND NEW.outcome IS NOT NULL AND NEW.outcome <> 'DUPLICATE' THEN
        message_kind := 'OUTCOME';
        message_key := 'outcome:' || NEW.closed_at::text;
        message_payload := jsonb_build_object('outcome', NEW.outcome,
            'referredTo', CASE WHEN NEW.outcome = 'REFERRED' THEN NEW.referred_to END);
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
CREATE TRIGGER incident_change_announced_by_mail AFTER UPDATE OF state ON incident
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state)
    EXECUTE FUNCTION mail_announce_incident_change();

-- A lead's short public update for the reporters ("message to the reporter"), shown on the
-- status page and mailed. Redacted with the text at retention.
CREATE TABLE reporter_message (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id bigint NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    text        text NOT NULL CHECK (length(text) <= 1000),
    author      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reporter_message_incident_idx ON reporter_message (incident_id);

CREATE FUNCTION mail_erase_messages_with_incident() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM reporter_message WHERE incident_id = NEW.id;
    DELETE FROM mail_outbox o USING report r WHERE o.report_id = r.id AND r.incident_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER incident_redacted_erases_messages AFTER UPDATE OF redacted_at ON incident
    FOR EACH ROW WHEN (NEW.redacted_at IS NOT NULL AND OLD.redacted_at IS NULL)
    EXECUTE FUNCTION mail_erase_messages_with_incident();
