-- When a merge moved a report into its incident: a team that finished the case before keeps
-- the reports (their texts, places and photos) the case had then, not one merged in after,
-- however long ago that report was filed. NULL: filed into this incident, at submitted_at.
ALTER TABLE report ADD COLUMN joined_at timestamptz;
