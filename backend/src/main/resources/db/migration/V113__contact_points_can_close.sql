-- A contact point that closes (the shop is given up, the office moves) is kept, not deleted:
-- reports, referrals and staff accounts name it. Closed, it is no longer offered to residents
-- on the public form nor at the counter.
ALTER TABLE contact_point ADD COLUMN active boolean NOT NULL DEFAULT true;
