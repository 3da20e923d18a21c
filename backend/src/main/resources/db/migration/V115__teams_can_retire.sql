-- A team that is disbanded (a project ends, two crews merge) is kept, not deleted: its
-- assignments, check-ins and the board's history name it. Retired, it is off duty, no board
-- lists it, no incident is proposed to or assigned it, and its members cannot go on duty.
ALTER TABLE team ADD COLUMN active boolean NOT NULL DEFAULT true;
