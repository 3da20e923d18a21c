#!/bin/sh
# Runs once, when the database container initialises its data directory: creates the role the
# application connects as. Flyway (as the owner, POSTGRES_USER) grants it what it needs after
# every migration (backend/src/main/resources/db/migration/afterMigrate.sql). See README, Operations.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_user="$APP_DB_USER" -v app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
SQL
