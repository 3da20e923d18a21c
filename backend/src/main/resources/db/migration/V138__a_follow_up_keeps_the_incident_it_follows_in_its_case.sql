-- "Still a problem" after the reopening window moves the report to a new incident that
-- follows the closed one (incident.follows_incident). The closed incident holds what staff
-- wrote and the teams took about the reporter's complaint (notes, photos, the places in its
-- board events), but the case (V125) only followed merges: the reporter's export, audit
-- search and erasure no longer reached it. A case now also takes in the incident it follows,
-- and so on back, with what was merged into each.
CREATE OR REPLACE FUNCTION case_incidents(incident bigint) RETURNS SETOF bigint
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    WITH RECURSIVE linked(id) AS (
        SELECT incident
        UNION
        SELECT earlier.id
        FROM linked l
        CROSS JOIN LATERAL (
            SELECT i.id FROM incident i WHERE i.merged_into = l.id
            UNION ALL
            SELECT f.follows_incident FROM incident f WHERE f.id = l.id AND f.follows_incident IS NOT NULL
        ) AS earlier
    )
    SELECT id FROM linked
$$;

-- A follow-up made before V136 left no record of its move: the report filed before its
-- follow-up was opened came from the incident it follows.
INSERT INTO report_move (report_id, from_incident, to_incident, moved_at)
SELECT r.id, c.follows_incident, c.id, c.created_at
FROM incident c
JOIN report r ON r.incident_id = c.id AND r.submitted_at < c.created_at
WHERE c.follows_incident IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM report_move m WHERE m.report_id = r.id AND m.to_incident = c.id);

-- A case is looked up from its last incident back: by what was merged into each.
CREATE INDEX IF NOT EXISTS incident_merged_into_idx ON incident (merged_into) WHERE merged_into IS NOT NULL;
