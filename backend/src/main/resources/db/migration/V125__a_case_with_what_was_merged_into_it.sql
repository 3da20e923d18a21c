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

-- An addition racing a merge: the check waits for the merge's lock on the incident (FOR KEY
-- SHARE, as the insert's foreign key takes anyway) and sees what it decided. Without the
-- lock it read the incident as it was before the merge, and a referral or photo sent while
-- the merge ran landed on the merged incident.
CREATE OR REPLACE FUNCTION refuse_addition_to_merged_case() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    survivor bigint;
BEGIN
    SELECT merged_into INTO survivor FROM incident WHERE id = NEW.incident_id FOR KEY SHARE;
    IF survivor IS NOT NULL THEN
        RAISE EXCEPTION 'incident % was merged into %', NEW.incident_id, survivor
            USING ERRCODE = 'check_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = 'incident_merged',
                  DETAIL = survivor::text;
    END IF;
    RETURN NEW;
END
$$;

-- "+49 (0)176 …", as many write a German number: the 0 after the country code is no digit
-- of it.
CREATE OR REPLACE FUNCTION comparable_phone(phone text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
    SELECT nullif(regexp_replace(CASE WHEN digits LIKE '00%' THEN substr(digits, 3)
                                      WHEN digits LIKE '0%' THEN '49' || substr(digits, 2)
                                      ELSE digits END, '^490', '49'), '')
    FROM (SELECT regexp_replace(phone, '\D', '', 'g') AS digits) d
$$;

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
