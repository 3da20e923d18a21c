-- A tap on the map is named by its nearest address (api/geocode/reverse; the field list and the
-- board show it too): a nearest-neighbour search needs a spatial index on the gazetteer.
CREATE INDEX IF NOT EXISTS address_location_gist ON address USING gist (location);
