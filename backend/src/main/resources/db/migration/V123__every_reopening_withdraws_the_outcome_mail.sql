-- A decision taken back withdraws the outcome mail not yet sent (V96), also when the teams it
-- had ended are given their jobs back: the incident then goes back to DISPATCHED or ON_SITE,
-- not to OPEN, which was all the trigger looked for.
DROP TRIGGER incident_reopened_withdraws_outcome_mail ON incident;
CREATE TRIGGER incident_reopened_withdraws_outcome_mail AFTER UPDATE OF state ON incident
    FOR EACH ROW WHEN (OLD.state IN ('RESOLVED', 'REFERRED', 'CLOSED')
                       AND NEW.state NOT IN ('RESOLVED', 'REFERRED', 'CLOSED'))
    EXECUTE FUNCTION mail_withdraw_outcome();
