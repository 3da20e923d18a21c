-- Second factor for staff sign-in: time-based one-time passwords (RFC 6238) and recovery codes.

-- One authenticator per account. Secrets are encrypted by the application (AES-GCM, key from
-- MFA_SECRET_KEY); the database never sees them in the clear.
CREATE TABLE staff_totp (
    user_id         bigint PRIMARY KEY REFERENCES staff_user (id) ON DELETE CASCADE,
    -- The confirmed authenticator; NULL until the first enrolment is confirmed.
    secret          bytea,
    enrolled_at     timestamptz,
    -- An enrolment begun and not yet confirmed (a re-enrolment keeps the old secret until then).
    new_secret      bytea,
    new_secret_at   timestamptz,
    CHECK ((secret IS NULL) = (enrolled_at IS NULL)),
    CHECK ((new_secret IS NULL) = (new_secret_at IS NULL))
);

-- Time steps whose code was accepted: a code works once (RFC 6238, section 5.2).
CREATE TABLE staff_totp_used_step (
    user_id     bigint NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
    step        bigint NOT NULL,
    PRIMARY KEY (user_id, step)
);

-- One-time recovery codes, stored as SHA-256 (they are random, 50 bits each: no slow hash needed).
CREATE TABLE staff_recovery_code (
    user_id     bigint NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
    code_hash   bytea NOT NULL,
    used_at     timestamptz,
    PRIMARY KEY (user_id, code_hash)
);

-- A session opened by the password alone, waiting for the second factor: it opens nothing else.
ALTER TABLE staff_session ADD COLUMN second_factor_pending boolean NOT NULL DEFAULT false;
