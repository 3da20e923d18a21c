-- Lone-worker safety: when a team is on site, a check-in timer runs (its length set per team
-- type). If it runs out unanswered, or the member presses "need help", the board raises an
-- alarm. One timer per team at most; it ends with the assignment.
ALTER TABLE team_type ADD COLUMN check_in_minutes int NOT NULL DEFAULT 30
    CHECK (check_in_minutes BETWEEN 5 AND 240);

-- Street work and outreach social work are voluntary: their assignments are offers the team
-- may decline without a reason, and no rule may send aggression to them alone.
ALTER TABLE team_type ADD COLUMN voluntary boolean NOT NULL DEFAULT false;
UPDATE team_type SET voluntary = true WHERE code IN ('STREETWORK', 'OUTREACH');

CREATE TABLE check_in (
    team_id         bigint PRIMARY KEY REFERENCES team (id) ON DELETE CASCADE,
    assignment_id   bigint NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    due_at          timestamptz NOT NULL,
    alarm_at        timestamptz,
    alarm_reason    text CHECK (alarm_reason IN ('OVERDUE', 'HELP')),
    CHECK ((alarm_at IS NULL) = (alarm_reason IS NULL))
);
CREATE INDEX check_in_due_idx ON check_in (due_at) WHERE alarm_at IS NULL;

-- The note a field team gives with a step ("done", "cannot do it", ...) is a note on the
-- incident like the leads' own, so that the lead sees it on the board's panel and timeline
-- (and retention redacts it with the incident's other free text).
ALTER TABLE incident_note DROP CONSTRAINT incident_note_kind_check;
ALTER TABLE incident_note ADD CONSTRAINT incident_note_kind_check
    CHECK (kind IN ('NOTE', 'PRIORITY', 'MERGE', 'DECLINE', 'REFERRAL', 'FIELD'));
