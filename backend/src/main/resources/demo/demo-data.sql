-- Demo teams and contact points for Bottrop. Invented; idempotent.

INSERT INTO contact_point (name, street, house_number, postcode, city, location, opening_hours, languages)
VALUES
    ('Anlaufstelle Boy', 'Johannesstraße', '12', '46238', 'Bottrop',
     ST_SetSRID(ST_MakePoint(6.96800, 51.54220), 4326), 'Mo-Th 09:00-16:00; Fr 09:00-13:00', '{de,tr,ar,ro,bg}'),
    ('Quartiersbüro Innenstadt', 'Hansastraße', '9', '46236', 'Bottrop',
     ST_SetSRID(ST_MakePoint(6.93150, 51.52150), 4326), 'Mo,We 10:00-18:00; Tu,Th 09:00-14:00', '{de,en,uk,fa}')
ON CONFLICT (name) DO NOTHING;

INSERT INTO team (name, team_type, status, languages, last_position, last_position_at)
VALUES
    ('KOD Streife Mitte 1', 'KOD', 'AVAILABLE', '{de,en,tr}', ST_SetSRID(ST_MakePoint(6.9290, 51.5200), 4326), now()),
    ('KOD Streife Boy 1', 'KOD', 'AVAILABLE', '{de,en,ar}', ST_SetSRID(ST_MakePoint(6.9700, 51.5400), 4326), now()),
    ('KOD Streife Nord', 'KOD', 'AVAILABLE', '{de,en}', ST_SetSRID(ST_MakePoint(6.9250, 51.6050), 4326), now()),
    ('Streetwork Innenstadt', 'STREETWORK', 'AVAILABLE', '{de,ar,fa,en}', ST_SetSRID(ST_MakePoint(6.9200, 51.5230), 4326), now()),
    ('Streetwork Boy/Welheim', 'STREETWORK', 'AVAILABLE', '{de,tr,ro,bg}', ST_SetSRID(ST_MakePoint(6.9850, 51.5350), 4326), now()),
    ('Aufsuchende Sozialarbeit Mitte', 'OUTREACH', 'AVAILABLE', '{de,ar,uk,en}', ST_SetSRID(ST_MakePoint(6.9330, 51.5180), 4326), now()),
    ('Aufsuchende Sozialarbeit Süd', 'OUTREACH', 'AVAILABLE', '{de,ro,bg,tr}', ST_SetSRID(ST_MakePoint(6.9580, 51.5070), 4326), now()),
    ('Quartiersmanagement Innenstadt', 'QUARTER_MGMT', 'AVAILABLE', '{de,en}', NULL, NULL),
    ('Quartiersmanagement Boy/Welheim', 'QUARTER_MGMT', 'AVAILABLE', '{de,tr}', NULL, NULL),
    ('Konfliktmanagement Anlaufstelle Boy', 'CONFLICT_MGMT', 'AVAILABLE', '{de,tr,ar,ro,bg}', ST_SetSRID(ST_MakePoint(6.9680, 51.5422), 4326), now())
ON CONFLICT (name) DO NOTHING;

INSERT INTO team_quarter (team_id, quarter_id)
SELECT t.id, q.id
FROM (VALUES
    ('KOD Streife Mitte 1', '{1,2,3,4,5,6,7,8,18,19,20,21,22}'::text[]),
    ('KOD Streife Boy 1', '{10,11,12,13,14,15,16,17}'::text[]),
    ('KOD Streife Nord', '{9,23,24,25,26,27}'::text[]),
    ('Streetwork Innenstadt', '{1,2,3,4,5,6,7,8,19,20,22}'::text[]),
    ('Streetwork Boy/Welheim', '{13,14,15,16,17,18,21}'::text[]),
    ('Aufsuchende Sozialarbeit Mitte', '{1,2,3,4,5,10,11,12,19,20}'::text[]),
    ('Aufsuchende Sozialarbeit Süd', '{13,14,15,16,17,18,21,22}'::text[]),
    ('Quartiersmanagement Innenstadt', '{1,2,3,4,5}'::text[]),
    ('Quartiersmanagement Boy/Welheim', '{14,15,16,17}'::text[]),
    ('Konfliktmanagement Anlaufstelle Boy', '{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27}'::text[])
) AS covered(team, codes)
JOIN team t ON t.name = covered.team
JOIN quarter q ON q.code = ANY (covered.codes)
ON CONFLICT DO NOTHING;

-- Routing rules of the demo: how the teams split the work. Specific rules come before general
-- ones; the default rule (from the migrations) catches the rest. Loaded once: after that,
-- administrators edit them.
INSERT INTO routing_rule (position, name, category_code, quarter_codes, time_from, time_to, required_flags,
                          team_types, priority, target_minutes, escalate_to_priority, escalate_add_team_type, updated_by)
SELECT position, name, category, quarters, time_from::time, time_to::time, flags, team_types, priority, target,
       escalate_to, escalate_add, 'demo'
FROM (VALUES
    (10, 'Aggression oder Bedrohung', 'AGGRESSION', '{}'::text[], NULL, NULL, '{}'::text[], '{KOD}'::text[], 1, 15, NULL::smallint, NULL),
    (20, 'Jugendliche, Aggression', 'YOUTH_GROUPS', '{}', NULL, NULL, '{AGGRESSION}', '{STREETWORK,KOD}', 2, 30, 1, NULL),
    (30, 'Jugendliche nachts', 'YOUTH_GROUPS', '{}', '22:00', '06:00', '{}', '{STREETWORK,KOD}', 2, 45, NULL, NULL),
    (40, 'Jugendgruppen', 'YOUTH_GROUPS', '{}', NULL, NULL, '{}', '{STREETWORK}', 3, 240, NULL, 'KOD'),
    (50, 'Lärm nachts', 'NOISE', '{}', '22:00', '06:00', '{}', '{KOD}', 2, 30, 1, NULL),
    (60, 'Lärm tagsüber', 'NOISE', '{}', NULL, NULL, '{}', '{KOD}', 3, 120, NULL, 'CONFLICT_MGMT'),
    (70, 'Drogen und Alkohol in der Innenstadt', 'DRUGS_ALCOHOL', '{1,2,3,4,5}', NULL, NULL, '{}', '{OUTREACH,KOD}', 2, 60, NULL, NULL),
    (80, 'Drogen und Alkohol', 'DRUGS_ALCOHOL', '{}', NULL, NULL, '{}', '{OUTREACH}', 3, 240, NULL, 'KOD'),
    (90, 'Nachbarschaftskonflikt', 'NEIGHBOUR_CONFLICT', '{}', NULL, NULL, '{}', '{CONFLICT_MGMT,OUTREACH}', 3, 2880, NULL, NULL),
    (100, 'Müll und illegale Ablagerung', 'LITTER', '{}', NULL, NULL, '{}', '{KOD}', 3, 1440, NULL, NULL),
    (110, 'Problemimmobilie', 'PROBLEM_PROPERTY', '{}', NULL, NULL, '{}', '{QUARTER_MGMT,KOD}', 3, 4320, NULL, NULL),
    (120, 'Hilfebedürftige Person', 'PERSON_IN_NEED', '{}', NULL, NULL, '{}', '{OUTREACH}', 2, 60, 1, NULL),
    (130, 'Vandalismus', 'VANDALISM', '{}', NULL, NULL, '{}', '{KOD}', 3, 1440, NULL, NULL)
) AS seed(position, name, category, quarters, time_from, time_to, flags, team_types, priority, target, escalate_to, escalate_add)
WHERE NOT EXISTS (SELECT 1 FROM routing_rule WHERE NOT is_default);

INSERT INTO routing_rule_change (rule_id, rule_version, action, changed_by, after)
SELECT r.id, r.version, 'CREATED', 'demo', to_jsonb(r)
FROM routing_rule r
WHERE r.updated_by = 'demo' AND NOT EXISTS (SELECT 1 FROM routing_rule_change c WHERE c.rule_id = r.id);
