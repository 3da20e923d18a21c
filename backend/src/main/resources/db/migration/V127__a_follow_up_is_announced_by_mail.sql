-- "Still a problem" after the reopening window moves the report to a new incident that
-- follows the closed one; its reporter hears of it as of a reopening
-- (mail_announce_incident_change, R__mail_announcements.sql). The function runs after the
-- statement that links the two incidents and moves the report, so it finds the report on
-- the new incident.
CREATE TRIGGER incident_follow_up_announced_by_mail AFTER UPDATE OF follows_incident ON incident
    FOR EACH ROW WHEN (OLD.follows_incident IS NULL AND NEW.follows_incident IS NOT NULL)
    EXECUTE FUNCTION mail_announce_incident_change();
