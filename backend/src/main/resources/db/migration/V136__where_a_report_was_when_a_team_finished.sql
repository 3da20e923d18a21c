-- A team that finished a job keeps, for its archive's 12 hours, the reports the case had
-- when it finished (V134). A merge or a follow-up afterwards moved those reports to
-- another incident, and the team lost them. Each move is kept (ids and a time, nothing
-- personal), so that "the case's reports at a time" can still be answered.
CREATE TABLE report_move (
    report_id       bigint NOT NULL REFERENCES report (id) ON DELETE CASCADE,
    from_incident   bigint NOT NULL REFERENCES incident (id),
    to_incident     bigint NOT NULL REFERENCES incident (id),
    moved_at        timestamptz NOT NULL
);
CREATE INDEX report_move_from_idx ON report_move (from_incident, moved_at);
CREATE INDEX report_move_report_idx ON report_move (report_id);

-- The reports an incident had at a time (NULL: now). A report moved out after that time
-- counts when it had come in by then: filed there, or moved in by the last move into it.
CREATE FUNCTION incident_reports_at(incident bigint, at timestamptz) RETURNS SETOF bigint
    LANGUAGE sql STABLE AS $$
    SELECT r.id FROM report r
    WHERE r.incident_id = incident AND (at IS NULL OR coalesce(r.joined_at, r.submitted_at) <= at)
    UNION
    SELECT m.report_id FROM report_move m JOIN report r ON r.id = m.report_id
    WHERE at IS NOT NULL AND m.from_incident = incident AND m.moved_at > at
      AND coalesce((SELECT max(j.moved_at) FROM report_move j
                    WHERE j.report_id = m.report_id AND j.to_incident = incident AND j.moved_at <= m.moved_at),
                   r.submitted_at) <= at
$$;
