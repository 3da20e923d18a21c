-- Open311 GeoReport v2: reports from partner apps arrive on their own channel, named after the
-- app that sent them; administrators issue the apps' keys, of which only a hash is kept.

ALTER TABLE report DROP CONSTRAINT report_channel_check;
ALTER TABLE report ADD CONSTRAINT report_channel_check
    CHECK (channel IN ('WEB', 'WALK_IN', 'PHONE', 'EMAIL', 'OPEN311'));
-- Which app or system a report came through (the partner app's name for OPEN311).
ALTER TABLE report ADD COLUMN source_name text CHECK (length(source_name) BETWEEN 1 AND 100);

CREATE TABLE open311_api_key (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- SHA-256 of the key: the key itself is shown once, when it is issued.
    key_hash            bytea NOT NULL UNIQUE,
    -- The key's first characters, so that an administrator can tell keys apart.
    key_prefix          text NOT NULL,
    requests_per_hour   int NOT NULL CHECK (requests_per_hour BETWEEN 1 AND 100000),
    created_by          text NOT NULL,
    created_at          timestamptz NOT NULL,
    revoked_by          text,
    revoked_at          timestamptz,
    last_used_at        timestamptz
);
-- Two apps in use may not share a name: the board tells them apart by it.
CREATE UNIQUE INDEX open311_api_key_active_name ON open311_api_key (lower(name)) WHERE revoked_at IS NULL;

-- Where public interfaces (Open311, webhooks) show a place, they show it snapped to a grid of
-- about `metres` (cells of `metres` north-south and east-west at the point's latitude), so that
-- a report cannot be traced back to a house.
CREATE FUNCTION coarse_location(point geometry, metres double precision) RETURNS geometry
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    WITH grid AS (SELECT metres / 111320.0 AS dlat),
         snapped AS (SELECT round(ST_Y(point) / dlat) * dlat AS lat, dlat FROM grid)
    SELECT ST_SetSRID(ST_MakePoint(
               round(ST_X(point) / (dlat / cos(radians(lat)))) * (dlat / cos(radians(lat))), lat), 4326)
    FROM snapped
$$;
