-- Every instance keeps the routing rules in memory (RuleBookCache). Any change of them, through
-- the admin API or by hand in SQL, tells every instance to read them again.
CREATE FUNCTION notify_routing_rules_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('routing_rules_changed', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER routing_rule_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON routing_rule
    FOR EACH STATEMENT EXECUTE FUNCTION notify_routing_rules_changed();
