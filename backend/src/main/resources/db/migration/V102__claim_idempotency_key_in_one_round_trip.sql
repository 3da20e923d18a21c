-- Claims a public submission's Idempotency-Key for the calling transaction in one round
-- trip instead of two: the transaction-scoped advisory lock first (another transaction
-- holding it means the same submission is in progress), then the response stored for the
-- key, if any. The lookup is a statement of its own inside a VOLATILE function, so in READ
-- COMMITTED it reads with a snapshot taken after the lock was granted: a submission with
-- this key that committed in the meantime is seen, never stored twice.
CREATE FUNCTION claim_idempotency_key(claimed_key text)
    RETURNS TABLE (locked boolean, request_hash bytea, response_status int, body text, code text)
    LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtextextended('idempotency:' || claimed_key, 0)) THEN
        RETURN QUERY SELECT false, NULL::bytea, NULL::int, NULL::text, NULL::text;
        RETURN;
    END IF;
    RETURN QUERY
        SELECT true, stored.request_hash, stored.response_status, stored.response_body,
               stored.response_body::jsonb ->> 'trackingCode'
        FROM (SELECT 1) AS one
        LEFT JOIN idempotency_key AS stored ON stored.key = claimed_key;
END $$;
