-- Flyway runs this after every migration, as the migration user who owns the schema.
--
-- In production the application connects as a role of its own (DB_USER, different from
-- DB_MIGRATION_USER). That role gets what the application needs and nothing more: it cannot
-- change the schema, and it can only add to the audit trail and the board event log, never
-- change or remove what is there (not even by switching the append-only triggers off, which
-- only the owner could). When both are the same role, as in a quick local start, the
-- append-only triggers are the remaining guard; the application warns about it at start.
DO $grants$
DECLARE
    application_user text := '${applicationUser}';
BEGIN
    IF application_user = '' OR application_user = current_user THEN
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = application_user) THEN
        RAISE EXCEPTION 'The application''s database role "%" does not exist: create it first (see README, Operations)',
            application_user;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', application_user);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', application_user);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, board_event FROM %I', application_user);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM %I', application_user);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', application_user);
    EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO %I', application_user);
END
$grants$;

-- The public map's cells, as the application is configured (V129): webhooks place incidents on them.
UPDATE public_grid SET lat_step = '${publicGridLatStep}'::float8, lon_step = '${publicGridLonStep}'::float8;
