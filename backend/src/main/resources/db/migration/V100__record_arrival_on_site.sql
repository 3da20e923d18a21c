-- When a team first reached the incident: the response time that statistics measure against
-- the routing target (the deadline). The assignment rows keep only their latest step, and
-- board events are pruned, so the time is kept on the incident itself. The first arrival
-- counts: a reopened incident keeps it.
ALTER TABLE incident ADD COLUMN on_site_at timestamptz;

-- Set from the update that moves the incident on site, with that update's time (the
-- application's clock), so that no code path can forget it.
CREATE FUNCTION incident_record_arrival() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.state = 'ON_SITE' AND OLD.state IS DISTINCT FROM 'ON_SITE' AND NEW.on_site_at IS NULL THEN
        NEW.on_site_at := NEW.updated_at;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER incident_records_arrival BEFORE UPDATE OF state ON incident
    FOR EACH ROW EXECUTE FUNCTION incident_record_arrival();

-- Incidents from before: the first "on site" step that the event log still has.
UPDATE incident i
SET on_site_at = e.first_on_site
FROM (SELECT incident_id, min(occurred_at) AS first_on_site
      FROM board_event
      WHERE type = 'ASSIGNMENT_CHANGED' AND data ->> 'state' = 'ON_SITE'
      GROUP BY incident_id) e
WHERE e.incident_id = i.id AND i.on_site_at IS NULL;
