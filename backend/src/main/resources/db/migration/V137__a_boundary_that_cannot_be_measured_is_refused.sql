-- A boundary with an edge across half the world ([0,0] to [180,0]) passed the checks and
-- failed where the quarter is stored (its area is measured on the globe), which read as a
-- database outage. It is refused with its feature named; the rest as V119.
CREATE OR REPLACE FUNCTION check_quarter_geometry(doc text, repair boolean,
        OUT geom geometry, OUT problem text, OUT repair_note text)
    LANGUAGE plpgsql AS $$
DECLARE
    g geometry;
    reason text;
BEGIN
    BEGIN
        g := ST_GeomFromGeoJSON(doc);
    EXCEPTION WHEN others THEN
        problem := 'geometry cannot be read (' || SQLERRM || ')';
        RETURN;
    END;
    IF GeometryType(g) NOT IN ('POLYGON', 'MULTIPOLYGON') THEN
        problem := 'geometry is a ' || GeometryType(g) || ', expected a Polygon or MultiPolygon';
        RETURN;
    END IF;
    IF ST_IsEmpty(g) THEN
        problem := 'geometry is empty';
        RETURN;
    END IF;
    IF ST_XMin(g) < -180 OR ST_XMax(g) > 180 OR ST_YMin(g) < -90 OR ST_YMax(g) > 90 THEN
        problem := 'coordinates are not WGS84 longitude/latitude (EPSG:4326)';
        RETURN;
    END IF;
    g := ST_SetSRID(g, 4326);
    IF NOT ST_IsValid(g) THEN
        reason := ST_IsValidReason(g);
        IF reason LIKE 'IllegalArgumentException:%' OR reason LIKE 'Too few points%' THEN
            problem := 'broken polygon: ' || regexp_replace(reason, '^IllegalArgumentException: ', '');
            RETURN;
        END IF;
        IF reason LIKE 'Hole lies outside shell%' THEN
            -- A repair would keep the "hole" as territory of its own: the file is wrong.
            problem := 'a hole lies outside its polygon: ' || reason;
            RETURN;
        END IF;
        IF NOT repair THEN
            problem := 'invalid polygon: ' || reason;
            RETURN;
        END IF;
        IF ST_NPoints(g) > 10000 THEN
            problem := 'invalid polygon with ' || ST_NPoints(g) || ' points, more than 10000 to repair: ' || reason;
            RETURN;
        END IF;
        g := ST_CollectionExtract(ST_MakeValid(g), 3);
        IF ST_IsEmpty(g) THEN
            problem := 'invalid polygon that cannot be repaired: ' || reason;
            RETURN;
        END IF;
        repair_note := reason;
    END IF;
    -- A boundary with an edge of 180 degrees or more (half the world) cannot be measured
    -- on the globe: the quarter's area column would fail on it when it is stored.
    BEGIN
        PERFORM ST_Area(g::geography);
    EXCEPTION WHEN others THEN
        problem := 'geometry cannot be measured on the globe (' || SQLERRM || ')';
        RETURN;
    END;
    geom := ST_Multi(g);
END $$;
