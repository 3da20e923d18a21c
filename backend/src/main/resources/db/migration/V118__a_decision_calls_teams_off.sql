-- A lead's decision ends the teams' active assignments. A team that was on site has done its
-- part (DONE); one still assigned or on its way never got there and is called off
-- (WITHDRAWN): counted as done, it would show a job that never happened. Each keeps the
-- state the decision ended (ended_from), so that undoing the decision gives the jobs back;
-- the next decision on the incident clears what an earlier one kept.
ALTER TABLE assignment DROP CONSTRAINT assignment_state_check;
ALTER TABLE assignment ADD CONSTRAINT assignment_state_check
    CHECK (state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE', 'DONE', 'DECLINED', 'WITHDRAWN'));
ALTER TABLE assignment ADD COLUMN ended_from text
    CHECK (ended_from IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE'));
