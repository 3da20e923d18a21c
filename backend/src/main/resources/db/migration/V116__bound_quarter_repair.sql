-- Repairing a self-intersecting boundary (ST_MakeValid) grows with the square of its points
-- and cannot be interrupted, not by statement_timeout nor by pg_terminate_backend: a zigzag
-- of 5,000 points took 2 s, of 20,000 points 26 s, of 100,000 points minutes of a CPU while
-- holding its locks. An invalid boundary of more than 10,000 points is refused, to be repaired
-- in a GIS; checking a valid one stays fast (200,000 points in half a second).
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
    geom := ST_Multi(g);
END $$;
