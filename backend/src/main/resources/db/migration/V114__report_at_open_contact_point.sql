-- A contact point that has closed (V113) takes no more reports. The counter page offers
-- only open ones; this holds for every client, and for a point closed while the entry
-- was being typed. It is refused as the foreign key refuses an unknown point, so the
-- client hears about the field "contactPointId" (422). Reports already stored keep it.
CREATE FUNCTION refuse_report_at_closed_contact_point() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT NOT active FROM contact_point WHERE id = NEW.contact_point_id) THEN
        RAISE EXCEPTION 'contact point % is closed', NEW.contact_point_id
            USING ERRCODE = 'foreign_key_violation', TABLE = 'report', CONSTRAINT = 'report_contact_point_id_fkey';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER report_at_open_contact_point
    BEFORE INSERT ON report
    FOR EACH ROW
    WHEN (NEW.contact_point_id IS NOT NULL)
    EXECUTE FUNCTION refuse_report_at_closed_contact_point();
