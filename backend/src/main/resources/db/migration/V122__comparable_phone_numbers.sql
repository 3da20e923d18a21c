-- A phone number as digits in international form, so that "0176 4455 6677" and
-- "+49 176 44556677" compare equal: what a person's erasure or export looks for where staff
-- typed the person's number again (a referral made from their case). Numbers without a
-- country code are taken as German, as the city's staff write them.
CREATE FUNCTION comparable_phone(phone text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
    -- "+49 (0)176 …", as many write a German number: the 0 after the country code goes.
    SELECT nullif(regexp_replace(CASE WHEN digits LIKE '00%' THEN substr(digits, 3)
                                      WHEN digits LIKE '0%' THEN '49' || substr(digits, 2)
                                      ELSE digits END, '^490', '49'), '')
    FROM (SELECT regexp_replace(phone, '\D', '', 'g') AS digits) d
$$;
