-- A staff account disabled and left untouched for the audit trail's period loses what names its
-- person (privacy.Retention, staff.RetiredAccounts): the row stays, because reports, notes and
-- referrals still point at it, but under a neutral name. removed_at marks it, and the
-- administration no longer lists it.
ALTER TABLE staff_user ADD COLUMN removed_at timestamptz;
