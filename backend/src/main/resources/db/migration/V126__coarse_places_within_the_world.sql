-- The webhooks' coarse place keeps within the world near the poles, where a cell's width in
-- degrees grows without bound.
CREATE OR REPLACE FUNCTION coarse_location(point geometry, metres double precision) RETURNS geometry
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    WITH grid AS (SELECT metres / 111320.0 AS dlat),
         snapped AS (SELECT least(90, greatest(-90, round(ST_Y(point) / dlat) * dlat)) AS lat, dlat FROM grid)
    SELECT ST_SetSRID(ST_MakePoint(
               least(180, greatest(-180,
                   round(ST_X(point) / (dlat / greatest(cos(radians(lat)), dlat)))
                   * (dlat / greatest(cos(radians(lat)), dlat)))), lat), 4326)
    FROM snapped
$$;
