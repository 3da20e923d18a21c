-- Whether another reporter keeps a case must look both ways along follow-ups: a follow-up
-- moves one report, so the others stay on the closed incident or follow it up themselves.
-- The incidents connected to one by merges and follow-ups, in either direction.
CREATE FUNCTION connected_incidents(incident bigint) RETURNS SETOF bigint
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    WITH RECURSIVE linked(id) AS (
        SELECT incident
        UNION
        SELECT near.id
        FROM linked l
        CROSS JOIN LATERAL (
            SELECT i.id FROM incident i WHERE i.merged_into = l.id
            UNION ALL
            SELECT i.id FROM incident i WHERE i.follows_incident = l.id
            UNION ALL
            SELECT i.merged_into FROM incident i WHERE i.id = l.id AND i.merged_into IS NOT NULL
            UNION ALL
            SELECT i.follows_incident FROM incident i WHERE i.id = l.id AND i.follows_incident IS NOT NULL
        ) AS near
    )
    SELECT id FROM linked
$$;

CREATE INDEX IF NOT EXISTS incident_follows_idx ON incident (follows_incident) WHERE follows_incident IS NOT NULL;
