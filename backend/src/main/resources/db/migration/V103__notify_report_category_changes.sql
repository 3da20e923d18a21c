-- Every instance keeps the active report categories in memory (Categories), as it keeps the
-- routing rules (V11). Any change of them, by a migration or by hand in SQL, tells every
-- instance to read them again. One trigger function serves both tables: its argument is the
-- channel to notify.
CREATE FUNCTION notify_table_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], '');
    RETURN NULL;
END
$$;

CREATE TRIGGER report_category_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON report_category
    FOR EACH STATEMENT EXECUTE FUNCTION notify_table_changed('report_categories_changed');

DROP TRIGGER routing_rule_changed ON routing_rule;
CREATE TRIGGER routing_rule_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON routing_rule
    FOR EACH STATEMENT EXECUTE FUNCTION notify_table_changed('routing_rules_changed');
DROP FUNCTION notify_routing_rules_changed();
