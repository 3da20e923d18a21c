-- Who decided how an incident ended ('staff:<id>'): only that lead may undo the decision,
-- and only for a short while (quartier.decision.undo-window).
ALTER TABLE incident ADD COLUMN decided_by text;

-- A decision taken back (or a reopened incident) withdraws the outcome mail not yet sent.
CREATE FUNCTION mail_withdraw_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE mail_outbox o SET closed_at = NEW.updated_at, close_reason = 'decision taken back'
    FROM report r
    WHERE o.report_id = r.id AND r.incident_id = NEW.id AND o.kind = 'OUTCOME'
      AND o.sent_at IS NULL AND o.closed_at IS NULL;
    RETURN NULL;
END $$;
CREATE TRIGGER incident_reopened_withdraws_outcome_mail AFTER UPDATE OF state ON incident
    FOR EACH ROW WHEN (OLD.state IN ('RESOLVED', 'REFERRED', 'CLOSED') AND NEW.state = 'OPEN')
    EXECUTE FUNCTION mail_withdraw_outcome();
