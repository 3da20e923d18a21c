-- Signed webhooks to city systems. A subscriber names the events it wants; every board event
-- of those types is written to the outbox by a trigger, in the transaction that made the change
-- (the board event is that transaction's last statement), so that an event is queued exactly
-- when the change is committed. A sender on any instance claims due rows with
-- FOR UPDATE SKIP LOCKED and a lease, delivers them and marks them delivered.

CREATE TABLE webhook_subscriber (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    url         text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
    -- The HMAC key: needed in clear to sign, shown to the administrator once.
    secret      text NOT NULL,
    events      text[] NOT NULL CHECK (cardinality(events) > 0 AND events <@ ARRAY['INCIDENT_OPENED',
                    'REPORT_ATTACHED', 'INCIDENT_STATE_CHANGED', 'INCIDENT_MERGED', 'INCIDENT_ESCALATED',
                    'TEAM_ASSIGNED', 'PRIORITY_CHANGED']),
    enabled     boolean NOT NULL DEFAULT true,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE webhook_delivery (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscriber_id   bigint NOT NULL REFERENCES webhook_subscriber (id) ON DELETE CASCADE,
    event_seq       bigint NOT NULL,
    event_type      text NOT NULL,
    payload         jsonb NOT NULL,
    attempts        int NOT NULL DEFAULT 0,
    -- NULL: due now (the sender's clock decides what "now" is).
    next_attempt_at timestamptz,
    leased_until    timestamptz,
    delivered_at    timestamptz,
    given_up_at     timestamptz,
    last_status     int,
    last_error      text,
    UNIQUE (subscriber_id, event_seq)
);
CREATE INDEX webhook_delivery_pending_idx ON webhook_delivery (id)
    WHERE delivered_at IS NULL AND given_up_at IS NULL;

-- What a city system learns of an event: the incident's public facts, never a reporter's data,
-- text, notes or exact position.
CREATE FUNCTION webhook_payload(event board_event) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', event.seq,
        'type', event.type,
        'occurredAt', event.occurred_at,
        'channel', event.data ->> 'channel',
        'source', event.data ->> 'source',
        'incident', CASE WHEN i.id IS NULL THEN NULL ELSE jsonb_build_object(
            'id', i.id,
            'category', i.category_code,
            'state', i.state,
            'priority', i.priority,
            'teamTypes', to_jsonb(i.team_types),
            'outcome', i.outcome,
            'mergedInto', i.merged_into,
            'quarter', CASE WHEN q.id IS NULL THEN NULL ELSE jsonb_build_object('code', q.code, 'name', q.name) END,
            'location', jsonb_build_object(
                'lat', round(ST_Y(coarse_location(i.location, 100))::numeric, 5),
                'lon', round(ST_X(coarse_location(i.location, 100))::numeric, 5)),
            'createdAt', i.created_at,
            'updatedAt', i.updated_at) END)
    FROM (SELECT 1) AS one
    LEFT JOIN incident i ON i.id = event.incident_id
    LEFT JOIN quarter q ON q.id = i.quarter_id
$$;

CREATE FUNCTION webhook_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO webhook_delivery (subscriber_id, event_seq, event_type, payload)
    SELECT s.id, NEW.seq, NEW.type, webhook_payload(NEW)
    FROM webhook_subscriber s
    WHERE s.enabled AND NEW.type = ANY (s.events);
    RETURN NULL;
END $$;
CREATE TRIGGER webhook_enqueue AFTER INSERT ON board_event
    FOR EACH ROW EXECUTE FUNCTION webhook_enqueue();
