-- A partner app that sends a note again after a lost answer (with the same Idempotency-Key)
-- stored it twice; the key makes the second one the first.
ALTER TABLE referral_note ADD COLUMN idempotency_key text
    CHECK (idempotency_key ~ '^[A-Za-z0-9-]{8,100}$');
CREATE UNIQUE INDEX referral_note_idempotency_idx ON referral_note (referral_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
