-- A repeated submission must get the first response byte for byte; jsonb would reorder it.
ALTER TABLE idempotency_key ALTER COLUMN response_body TYPE text USING response_body::text;
