-- Records and events name staff by account ("staff:42"), never by name; this resolves the name
-- for whoever reads them now, or says the account is gone.
CREATE FUNCTION staff_name(actor text) RETURNS text
    LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN actor LIKE 'staff:%' THEN coalesce(
            (SELECT display_name FROM staff_user WHERE id = substring(actor FROM 7)::bigint), 'former staff')
        ELSE actor
    END
$$;
