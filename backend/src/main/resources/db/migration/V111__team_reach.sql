-- The quarters a team works in: those it covers, and those of the incidents it is on now. A
-- team lead limited to some quarters sees a team's position only where the team reaches
-- theirs (need to know): the name, type and status of every team stay on every board.
CREATE FUNCTION team_reach(team bigint) RETURNS text[]
    LANGUAGE sql STABLE AS $$
    SELECT ARRAY(SELECT q.code FROM team_quarter tq JOIN quarter q ON q.id = tq.quarter_id
                 WHERE tq.team_id = team
                 UNION
                 SELECT q.code FROM assignment a
                 JOIN incident i ON i.id = a.incident_id
                 JOIN quarter q ON q.id = i.quarter_id
                 WHERE a.team_id = team AND a.state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE'))
$$;

-- A team's board summary without its position.
CREATE FUNCTION without_position(summary jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE AS $$
    SELECT summary - 'lat' - 'lon' - 'positionAt'
$$;
