-- Partner organisations (city offices and free carriers), their services, their staff accounts
-- (role PARTNER), and referrals of people from a counter or an incident to a partner service.
-- Owned by the packages partner (organisations, services, members) and referral (referrals,
-- their contact details and sealed notes).

ALTER TABLE staff_user DROP CONSTRAINT staff_user_roles_check;
ALTER TABLE staff_user ADD CONSTRAINT staff_user_roles_check
    CHECK (roles <@ ARRAY['COUNTER', 'DISPATCHER', 'FIELD', 'ANALYST', 'ADMIN', 'PARTNER']);

CREATE TABLE partner_organisation (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    kind        text NOT NULL CHECK (kind IN ('CITY_OFFICE', 'FREE_CARRIER')),
    phone       text,
    email       text,
    website     text,
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE partner_service (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id     bigint NOT NULL REFERENCES partner_organisation (id),
    name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    topic               text NOT NULL,
    target_group        text NOT NULL DEFAULT '',
    languages           text[] NOT NULL DEFAULT '{de}',
    -- A subset of OpenStreetMap's opening_hours syntax: "Mo-Th 09:00-16:00; Fr 09:00-13:00".
    opening_hours       text NOT NULL,
    street              text NOT NULL,
    house_number        text NOT NULL,
    postcode            text NOT NULL,
    city                text NOT NULL,
    how_to_reach        text NOT NULL DEFAULT '',
    -- Quarters (by code) the service is for; empty means the whole city.
    quarter_codes       text[] NOT NULL DEFAULT '{}',
    active              boolean NOT NULL DEFAULT true,
    UNIQUE (organisation_id, name)
);
CREATE INDEX partner_service_topic_idx ON partner_service (topic) WHERE active;

-- A PARTNER account belongs to exactly one organisation and sees only its referrals.
CREATE TABLE partner_member (
    user_id             bigint PRIMARY KEY REFERENCES staff_user (id) ON DELETE CASCADE,
    organisation_id     bigint NOT NULL REFERENCES partner_organisation (id)
);

CREATE TABLE referral (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_id          bigint NOT NULL REFERENCES partner_service (id),
    -- Copied from the service at the time of referral: access is decided on it.
    organisation_id     bigint NOT NULL REFERENCES partner_organisation (id),
    topic               text NOT NULL,
    need                text NOT NULL,
    language            text NOT NULL CHECK (language IN ('de', 'en', 'ar', 'fa', 'tr', 'uk', 'ro', 'bg')),
    consent_at          timestamptz,
    referred_by         bigint NOT NULL REFERENCES staff_user (id),
    contact_point_id    bigint REFERENCES contact_point (id),
    incident_id         bigint REFERENCES incident (id),
    quarter_id          bigint REFERENCES quarter (id),
    state               text NOT NULL DEFAULT 'OPEN'
                        CHECK (state IN ('OPEN', 'ACCEPTED', 'DECLINED', 'CLOSED')),
    decline_reason      text,
    outcome             text CHECK (outcome IN ('APPOINTMENT', 'HELPED', 'NOT_REACHED', 'NOT_RESPONSIBLE')),
    appointment_at      timestamptz,
    redirect_to         text,
    created_at          timestamptz NOT NULL,
    accepted_at         timestamptz,
    outcome_at          timestamptz,
    closed_at           timestamptz,
    stale_at            timestamptz,
    redacted_at         timestamptz,
    version             int NOT NULL DEFAULT 0
);
CREATE INDEX referral_organisation_idx ON referral (organisation_id, created_at);
CREATE INDEX referral_incident_idx ON referral (incident_id) WHERE incident_id IS NOT NULL;
CREATE INDEX referral_open_idx ON referral (created_at) WHERE state = 'OPEN' AND stale_at IS NULL;

-- Contact details of the referred person: only with their consent to pass them on.
CREATE TABLE referral_contact (
    referral_id     bigint PRIMARY KEY REFERENCES referral (id) ON DELETE CASCADE,
    name            text,
    phone           text,
    email           text
);

CREATE FUNCTION referral_contact_needs_consent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM referral WHERE id = NEW.referral_id AND consent_at IS NOT NULL) THEN
        RAISE EXCEPTION 'referral % has no consent to pass on contact details', NEW.referral_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER referral_contact_consent BEFORE INSERT OR UPDATE ON referral_contact
    FOR EACH ROW EXECUTE FUNCTION referral_contact_needs_consent();

-- Notes of the partner organisation: sealed, read only by members of that organisation.
CREATE TABLE referral_note (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id         bigint NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
    organisation_id     bigint NOT NULL REFERENCES partner_organisation (id),
    author              bigint NOT NULL REFERENCES staff_user (id),
    text                text NOT NULL,
    created_at          timestamptz NOT NULL,
    redacted_at         timestamptz
);
CREATE INDEX referral_note_referral_idx ON referral_note (referral_id);
