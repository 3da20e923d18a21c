-- The live definition of the trigger function that queues reporters' mails when their
-- incident changes. Flyway runs this repeatable migration after the versioned ones whenever
-- its text changes, so this file is the one place to change it (V82 and V83 are its history:
-- never edit those). The trigger itself is created in V82.
--
-- Taken up (OPEN -> DISPATCHED/ON_SITE, once per opening), an outcome (closed with an honest
-- outcome other than DUPLICATE: the survivor's reporters hear; sent once the lead's undo window
-- has passed, mail.Outbox), reopened ("still a problem"), or followed by a new incident ("still
-- a problem" after the window).
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
    ELSIF OLD.state IN ('RESOLVED', 'REFERRED', 'CLOSED') AND NEW.state = 'OPEN'
            AND NEW.reopened_at IS DISTINCT FROM OLD.reopened_at THEN
        -- Reopened ("still a problem"). A lead taking the decision back leaves reopened_at
        -- as it was: the resident was not told of the outcome yet (it is held for the undo
        -- window, and withdrawn by V96's trigger), so there is nothing to announce.
        message_kind := 'REOPENED';
        message_key := 'reopened:' || NEW.reopened_at::text;
    ELSIF OLD.follows_incident IS NULL AND NEW.follows_incident IS NOT NULL THEN
        -- "Still a problem" after the window: the report went to a new incident following
        -- the closed one (V127's trigger). For the reporter it is taken up again all the same.
        message_kind := 'REOPENED';
        message_key := 'follow-up:' || NEW.id;
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
