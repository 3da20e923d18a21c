-- Baseline schema of Quartier Dispatch.
-- Spatial data is EPSG:4326 (WGS84 lon/lat); distances are computed on geography.

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Quarters --------------------------------------------------------------------------------

CREATE TABLE quarter (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    geom        geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
    -- Nested areas (city > district > quarter): the smallest area containing a point is the most specific.
    area_m2     double precision GENERATED ALWAYS AS (ST_Area(geom::geography)) STORED,
    -- About 5 m tolerance: enough for a browser map, a fraction of the payload.
    map_geom    geometry GENERATED ALWAYS AS (ST_Multi(ST_SimplifyPreserveTopology(geom, 0.00005))) STORED,
    source      text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quarter_geom_gix ON quarter USING gist (geom);

-- Reference data -----------------------------------------------------------------------------

CREATE TABLE team_type (
    code        text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
    label_de    text NOT NULL,
    label_en    text NOT NULL,
    color       text NOT NULL CHECK (color ~ '^#[0-9a-f]{6}$'),
    sort_order  int NOT NULL DEFAULT 0
);

CREATE TABLE report_category (
    code        text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
    icon        text NOT NULL,
    -- One label per supported language; the form cannot show a category without them.
    labels      jsonb NOT NULL CHECK (labels ?& ARRAY['de', 'en', 'ar', 'fa', 'tr', 'uk', 'ro', 'bg']),
    sort_order  int NOT NULL DEFAULT 0,
    active      boolean NOT NULL DEFAULT true
);

CREATE TABLE contact_point (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text NOT NULL UNIQUE,
    street          text NOT NULL,
    house_number    text NOT NULL,
    postcode        text NOT NULL,
    city            text NOT NULL,
    location        geometry(Point, 4326) NOT NULL,
    -- OpenStreetMap opening_hours syntax, e.g. "Mo-Fr 09:00-13:00; Th 14:00-18:00".
    opening_hours   text NOT NULL,
    languages       text[] NOT NULL DEFAULT '{}',
    phone           text
);

-- Teams -------------------------------------------------------------------------------------

CREATE TABLE team (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                text NOT NULL UNIQUE,
    team_type           text NOT NULL REFERENCES team_type (code),
    status              text NOT NULL DEFAULT 'OFF_DUTY'
                        CHECK (status IN ('AVAILABLE', 'EN_ROUTE', 'ON_SITE', 'BREAK', 'OFF_DUTY')),
    languages           text[] NOT NULL DEFAULT '{}',
    last_position       geometry(Point, 4326),
    last_position_at    timestamptz,
    version             int NOT NULL DEFAULT 0,
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team_quarter (
    team_id     bigint NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    quarter_id  bigint NOT NULL REFERENCES quarter (id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, quarter_id)
);

-- Staff -------------------------------------------------------------------------------------

CREATE TABLE staff_user (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username            text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    display_name        text NOT NULL,
    password_hash       text,
    roles               text[] NOT NULL CHECK (roles <@ ARRAY['COUNTER', 'DISPATCHER', 'FIELD', 'ANALYST', 'ADMIN']),
    enabled             boolean NOT NULL DEFAULT true,
    contact_point_id    bigint REFERENCES contact_point (id),
    team_id             bigint REFERENCES team (id),
    -- A dispatcher limited to some quarters; empty means every quarter.
    quarter_scope       bigint[] NOT NULL DEFAULT '{}',
    failed_logins       int NOT NULL DEFAULT 0,
    locked_until        timestamptz,
    external_subject    text UNIQUE,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

-- Server-side sessions: any instance can check, renew or end them; disabling a user ends them all.
CREATE TABLE staff_session (
    token_hash      bytea PRIMARY KEY,
    user_id         bigint NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL,
    last_seen_at    timestamptz NOT NULL
);
CREATE INDEX staff_session_user_idx ON staff_session (user_id);

-- Routing rules -----------------------------------------------------------------------------

CREATE TABLE routing_rule (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    position                int NOT NULL,
    name                    text NOT NULL,
    -- NULL matches every category; only the default rule may leave every condition open.
    category_code           text REFERENCES report_category (code),
    quarter_codes           text[] NOT NULL DEFAULT '{}',
    weekdays                smallint[] NOT NULL DEFAULT '{}' CHECK (weekdays <@ ARRAY[1, 2, 3, 4, 5, 6, 7]::smallint[]),
    time_from               time,
    time_to                 time,
    required_flags          text[] NOT NULL DEFAULT '{}',
    team_types              text[] NOT NULL CHECK (cardinality(team_types) > 0),
    priority                smallint NOT NULL CHECK (priority BETWEEN 1 AND 4),
    target_minutes          int NOT NULL CHECK (target_minutes > 0),
    escalate_to_priority    smallint CHECK (escalate_to_priority BETWEEN 1 AND 4),
    escalate_add_team_type  text REFERENCES team_type (code),
    is_default              boolean NOT NULL DEFAULT false,
    version                 int NOT NULL DEFAULT 1,
    updated_by              text NOT NULL,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CHECK ((time_from IS NULL) = (time_to IS NULL))
);
CREATE UNIQUE INDEX routing_rule_one_default ON routing_rule (is_default) WHERE is_default;

CREATE TABLE routing_rule_change (
    revision    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule_id     bigint NOT NULL,
    rule_version int NOT NULL,
    action      text NOT NULL CHECK (action IN ('CREATED', 'UPDATED', 'DELETED')),
    changed_by  text NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    before      jsonb,
    after       jsonb
);

-- Incidents and reports ---------------------------------------------------------------------

CREATE TABLE incident (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    category_code           text NOT NULL REFERENCES report_category (code),
    quarter_id              bigint REFERENCES quarter (id),
    location                geometry(Point, 4326) NOT NULL,
    state                   text NOT NULL DEFAULT 'OPEN'
                            CHECK (state IN ('OPEN', 'DISPATCHED', 'ON_SITE', 'RESOLVED', 'REFERRED', 'CLOSED')),
    priority                smallint CHECK (priority BETWEEN 1 AND 4),
    team_types              text[] NOT NULL DEFAULT '{}',
    flags                   text[] NOT NULL DEFAULT '{}',
    deadline                timestamptz,
    routing_rule_id         bigint,
    routing_rule_version    int,
    routing_explanation     text,
    hotspot                 boolean NOT NULL DEFAULT false,
    overdue                 boolean NOT NULL DEFAULT false,
    escalated_at            timestamptz,
    outcome                 text CHECK (outcome IN ('RESOLVED', 'REFERRED', 'NO_ACTION', 'DUPLICATE')),
    referred_to             text,
    merged_into             bigint REFERENCES incident (id),
    closed_at               timestamptz,
    version                 int NOT NULL DEFAULT 0,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_open_location_gix ON incident USING gist (location)
    WHERE state IN ('OPEN', 'DISPATCHED', 'ON_SITE');
CREATE INDEX incident_open_idx ON incident (priority, deadline) WHERE state IN ('OPEN', 'DISPATCHED', 'ON_SITE');
CREATE INDEX incident_closed_at_idx ON incident (closed_at) WHERE closed_at IS NOT NULL;

CREATE TABLE report (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tracking_code       text NOT NULL UNIQUE,
    incident_id         bigint NOT NULL REFERENCES incident (id),
    channel             text NOT NULL CHECK (channel IN ('WEB', 'WALK_IN', 'PHONE', 'EMAIL')),
    category_code       text NOT NULL REFERENCES report_category (code),
    description         text NOT NULL,
    language            text NOT NULL CHECK (language IN ('de', 'en', 'ar', 'fa', 'tr', 'uk', 'ro', 'bg')),
    location            geometry(Point, 4326) NOT NULL,
    address_label       text,
    quarter_id          bigint REFERENCES quarter (id),
    flags               text[] NOT NULL DEFAULT '{}',
    interpreter_needed  boolean NOT NULL DEFAULT false,
    contact_point_id    bigint REFERENCES contact_point (id),
    entered_by          bigint REFERENCES staff_user (id),
    submitted_at        timestamptz NOT NULL DEFAULT now(),
    redacted_at         timestamptz
);
CREATE INDEX report_incident_idx ON report (incident_id);
CREATE INDEX report_recurrence_idx ON report (quarter_id, category_code, submitted_at);

-- Personal data of reporters, apart from the report text: its own access path, its own retention.
CREATE TABLE reporter_contact (
    report_id   bigint PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,
    name        text,
    email       text,
    phone       text,
    consent_at  timestamptz,
    CHECK (coalesce(name, email, phone) IS NOT NULL)
);

CREATE TABLE idempotency_key (
    key             text PRIMARY KEY,
    request_hash    bytea NOT NULL,
    response_status int NOT NULL,
    response_body   jsonb NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE assignment (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id     bigint NOT NULL REFERENCES incident (id),
    team_id         bigint NOT NULL REFERENCES team (id),
    state           text NOT NULL DEFAULT 'ASSIGNED'
                    CHECK (state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE', 'DONE', 'DECLINED')),
    note            text,
    decline_reason  text,
    assigned_by     text NOT NULL,
    version         int NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assignment_incident_idx ON assignment (incident_id);
-- A team works on one incident at a time: two leads grabbing the same team cannot both win.
CREATE UNIQUE INDEX assignment_one_active_per_team ON assignment (team_id)
    WHERE state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE');

CREATE TABLE incident_note (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id bigint NOT NULL REFERENCES incident (id),
    author      text NOT NULL,
    text        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    redacted_at timestamptz
);
CREATE INDEX incident_note_incident_idx ON incident_note (incident_id);

-- Board events: append-only, gap-free sequence in commit order -------------------------------

-- One row holds the last sequence number. A writer takes its numbers with
-- UPDATE ... RETURNING at the end of its transaction: the row lock is held until commit, so
-- numbers are handed out in commit order and a rolled-back transaction returns its numbers.
-- Readers therefore never see seq n+1 before seq n is visible.
CREATE TABLE board_event_sequence (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_seq    bigint NOT NULL
);
INSERT INTO board_event_sequence VALUES (true, 0);

CREATE TABLE board_event (
    seq                 bigint PRIMARY KEY,
    type                text NOT NULL,
    incident_id         bigint,
    incident_version    int,
    team_id             bigint,
    actor               text NOT NULL,
    occurred_at         timestamptz NOT NULL DEFAULT now(),
    data                jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX board_event_incident_idx ON board_event (incident_id);

CREATE FUNCTION board_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Only the sequence number travels: instances read the event itself from the table.
    PERFORM pg_notify('board_event', NEW.seq::text);
    RETURN NULL;
END $$;
CREATE TRIGGER board_event_notify AFTER INSERT ON board_event
    FOR EACH ROW EXECUTE FUNCTION board_event_notify();

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER board_event_append_only BEFORE UPDATE OR DELETE ON board_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER board_event_no_truncate BEFORE TRUNCATE ON board_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Audit log of every look at personal data and every privileged action: append-only --------

CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text NOT NULL,
    action      text NOT NULL,
    report_id   bigint,
    purpose     text,
    details     jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_report_idx ON audit_log (report_id);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Address gazetteer for geocoding without an external service --------------------------------

-- "Hauptstraße 12", "hauptstr. 12" and "Hauptstrasse 12" normalise to the same text.
CREATE FUNCTION normalize_address(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
    SELECT trim(regexp_replace(
        regexp_replace(
            regexp_replace(replace(lower(t), 'ß', 'ss'), 'str(asse|\.)?(\M|\s|$)', 'str ', 'g'),
            '[^[:alnum:]]+', ' ', 'g'),
        '\s+', ' ', 'g'))
$$;

CREATE TABLE address (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    street          text NOT NULL,
    house_number    text NOT NULL,
    postcode        text NOT NULL,
    city            text NOT NULL,
    location        geometry(Point, 4326) NOT NULL,
    search_text     text GENERATED ALWAYS AS (normalize_address(street || ' ' || house_number || ' ' || postcode || ' ' || city)) STORED,
    UNIQUE (street, house_number, postcode, city)
);
CREATE INDEX address_search_trgm ON address USING gin (search_text gin_trgm_ops);

-- Quarter import: read and check one GeoJSON geometry without aborting the import's transaction.
-- Broken structure (unreadable, unclosed rings, too few points, not lon/lat) is refused;
-- topological faults such as self-intersections are repaired when asked to.
CREATE FUNCTION check_quarter_geometry(doc text, repair boolean,
        OUT geom geometry, OUT problem text, OUT repair_note text)
    LANGUAGE plpgsql AS $$
DECLARE
    g geometry;
    reason text;
BEGIN
    BEGIN
        g := ST_GeomFromGeoJSON(doc);
    EXCEPTION WHEN others THEN
        problem := 'geometry cannot be read (' || SQLERRM || ')';
        RETURN;
    END;
    IF GeometryType(g) NOT IN ('POLYGON', 'MULTIPOLYGON') THEN
        problem := 'geometry is a ' || GeometryType(g) || ', expected a Polygon or MultiPolygon';
        RETURN;
    END IF;
    IF ST_IsEmpty(g) THEN
        problem := 'geometry is empty';
        RETURN;
    END IF;
    IF ST_XMin(g) < -180 OR ST_XMax(g) > 180 OR ST_YMin(g) < -90 OR ST_YMax(g) > 90 THEN
        problem := 'coordinates are not WGS84 longitude/latitude (EPSG:4326)';
        RETURN;
    END IF;
    g := ST_SetSRID(g, 4326);
    IF NOT ST_IsValid(g) THEN
        reason := ST_IsValidReason(g);
        IF reason LIKE 'IllegalArgumentException:%' OR reason LIKE 'Too few points%' THEN
            problem := 'broken polygon: ' || regexp_replace(reason, '^IllegalArgumentException: ', '');
            RETURN;
        END IF;
        IF NOT repair THEN
            problem := 'invalid polygon: ' || reason;
            RETURN;
        END IF;
        g := ST_CollectionExtract(ST_MakeValid(g), 3);
        IF ST_IsEmpty(g) THEN
            problem := 'invalid polygon that cannot be repaired: ' || reason;
            RETURN;
        END IF;
        repair_note := reason;
    END IF;
    geom := ST_Multi(g);
END $$;
