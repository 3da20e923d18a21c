-- The field app queues steps taken without signal and sends them again when the network is
-- back. Each step carries its own Idempotency-Key: a step whose key is already here was
-- applied before and is not applied again. The keys are random and say nothing about anyone;
-- they go with their assignment and are pruned after two days (FieldCommands).
CREATE TABLE field_step_key (
    key             text PRIMARY KEY CHECK (length(key) BETWEEN 8 AND 100),
    assignment_id   bigint NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL
);
CREATE INDEX field_step_key_created_idx ON field_step_key (created_at);

-- A map tap is turned into the nearest gazetteer address within a radius, for the field app
-- (and anyone else who shows a report's place): "Johannesstraße 2, 46240 Bottrop".
CREATE INDEX address_location_gist ON address USING gist (location);

CREATE FUNCTION nearest_address_label(point geometry, radius_m double precision) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT a.street || ' ' || a.house_number || ', ' || a.postcode || ' ' || a.city
    FROM address a
    WHERE ST_DWithin(a.location::geography, point::geography, radius_m)
    ORDER BY a.location <-> point
    LIMIT 1
$$;
