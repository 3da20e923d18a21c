-- Statistics publish no count below a minimum (stats.Statistics): a single complaint about one
-- house in a small quarter would otherwise point at its neighbours.
CREATE FUNCTION suppress(n bigint, minimum int) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN n < minimum THEN NULL ELSE n END
$$;
