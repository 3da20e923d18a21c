-- An incident keeps the escalation its rule prescribed when it was routed, so that editing a
-- rule later does not change what happens to incidents already under way.
ALTER TABLE incident
    ADD COLUMN escalate_to_priority smallint CHECK (escalate_to_priority BETWEEN 1 AND 4),
    ADD COLUMN escalate_add_team_type text REFERENCES team_type (code);

CREATE INDEX incident_due_idx ON incident (deadline)
    WHERE state IN ('OPEN', 'DISPATCHED', 'ON_SITE') AND escalated_at IS NULL;

-- Notes written by people, and notes the system writes for them (priority changes with their
-- reason, merges). All are free text and redacted with the incident's other free text.
ALTER TABLE incident_note
    ADD COLUMN kind text NOT NULL DEFAULT 'NOTE' CHECK (kind IN ('NOTE', 'PRIORITY', 'MERGE', 'DECLINE', 'REFERRAL'));
