-- Team, contact point, partner organisation and webhook names are one name whatever their case
-- ("KOD Mitte" and "kod mitte"). The applications checked that before writing, but two
-- administrators saving at the same moment both passed the check: the database now refuses the
-- second (the application answers as for the check).
CREATE UNIQUE INDEX team_name_whatever_the_case ON team (lower(name));
CREATE UNIQUE INDEX contact_point_name_whatever_the_case ON contact_point (lower(name));
CREATE UNIQUE INDEX partner_organisation_name_whatever_the_case ON partner_organisation (lower(name));
CREATE UNIQUE INDEX webhook_subscriber_name_whatever_the_case ON webhook_subscriber (lower(name));
