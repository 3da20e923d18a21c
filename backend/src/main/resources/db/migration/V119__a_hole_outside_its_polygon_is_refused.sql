-- A boundary whose hole lies outside its polygon was "repaired" (ST_MakeValid) by keeping the
-- hole as territory of its own: the quarter grew by the hole's area, with a note only. Such a
-- file is wrong and is refused like an unrepairable one; the rest as V116.
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
    geom := ST_Multi(g);
END $$;
