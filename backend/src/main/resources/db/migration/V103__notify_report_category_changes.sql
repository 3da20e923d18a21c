-- Every instance keeps the active report categories in memory (Categories). Any change of
-- them, by a migration or by hand in SQL, tells every instance to read them again.
CREATE FUNCTION notify_report_categories_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('report_categories_changed', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER report_category_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON report_category
    FOR EACH STATEMENT EXECUTE FUNCTION notify_report_categories_changed();
