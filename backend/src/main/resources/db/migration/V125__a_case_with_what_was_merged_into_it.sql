-- The incidents of a case: the incident itself and those merged into it (and into them).
-- A merge moves the reports and the active teams; the notes, messages, referrals and photos
-- of the incident merged away stay where they were written. A reporter's export and
-- erasure reach them through this.
CREATE FUNCTION case_incidents(incident bigint) RETURNS SETOF bigint
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    WITH RECURSIVE merged(id) AS (
        SELECT incident
        UNION
        SELECT i.id FROM incident i JOIN merged m ON i.merged_into = m.id
    )
    SELECT id FROM merged
$$;
