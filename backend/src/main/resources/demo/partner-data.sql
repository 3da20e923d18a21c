-- Demo partner organisations, their services and the demo partner account's organisation, for
-- Bottrop. Invented (organisations named after kinds of carriers, not real offices); idempotent.

INSERT INTO partner_organisation (name, kind, phone, email, website)
VALUES
    ('Caritas-Beratungszentrum Bottrop (Demo)', 'FREE_CARRIER', '02041 000100', 'beratung@caritas-bottrop.example', 'https://caritas-bottrop.example'),
    ('Diakonie Familien- und Schuldnerhilfe (Demo)', 'FREE_CARRIER', '02041 000200', 'hilfe@diakonie-bottrop.example', NULL),
    ('Stadt Bottrop – Jugendamt, Frühe Hilfen (Demo)', 'CITY_OFFICE', '02041 000300', 'fruehehilfen@bottrop.example', NULL)
ON CONFLICT (name) DO NOTHING;

INSERT INTO partner_service (organisation_id, name, topic, target_group, languages, opening_hours, street, house_number,
                             postcode, city, how_to_reach, quarter_codes)
SELECT o.id, s.name, s.topic, s.target_group, s.languages, s.hours, s.street, s.house_number, s.postcode, 'Bottrop',
       s.how_to_reach, s.quarters
FROM (VALUES
    ('Caritas-Beratungszentrum Bottrop (Demo)', 'Erziehungs- und Familienberatung', 'FAMILY_COUNSELLING',
     'Eltern, Kinder und Jugendliche bis 27 Jahre', '{de,ar,tr}'::text[], 'Mo-Th 09:00-17:00; Fr 09:00-13:00',
     'Kirchhellener Straße', '28', '46236', 'Bus SB16/262 bis Berliner Platz; Eingang im Hof, barrierefrei', '{}'::text[]),
    ('Caritas-Beratungszentrum Bottrop (Demo)', 'Migrationsberatung für Erwachsene', 'MIGRATION_COUNSELLING',
     'Zugewanderte ab 27 Jahren', '{de,ar,fa,en}', 'Mo,We 09:00-12:00; Th 14:00-17:00',
     'Kirchhellener Straße', '28', '46236', 'Offene Sprechstunde ohne Termin; 2. Stock', '{}'),
    ('Diakonie Familien- und Schuldnerhilfe (Demo)', 'Schuldner- und Energieberatung', 'DEBT_COUNSELLING',
     'Haushalte mit Schulden oder Energiesperre', '{de,tr,ro,bg}', 'Mo-Fr 08:30-12:30; Tu 14:00-18:00',
     'Osterfelder Straße', '5', '46236', 'Termin telefonisch; bei Stromsperre sofort anrufen', '{}'),
    ('Diakonie Familien- und Schuldnerhilfe (Demo)', 'Familienberatung Boy/Welheim', 'FAMILY_COUNSELLING',
     'Familien in Boy und Welheim', '{de,ar}', 'Mo,Th 14:00-18:00',
     'Johannesstraße', '12', '46240', 'In der Anlaufstelle Boy, Sprechstunde montags und donnerstags', '{13,14,15,16,17}'),
    ('Stadt Bottrop – Jugendamt, Frühe Hilfen (Demo)', 'Frühe Hilfen – Familienbüro', 'EARLY_HELP',
     'Schwangere und Familien mit Kindern bis 3 Jahre', '{de,ar,uk,tr}', 'Mo-Fr 08:00-15:00',
     'Gladbecker Straße', '66', '46236', 'Rathaus-Nebengebäude, Zimmer 12; Besuche zu Hause möglich', '{}'),
    ('Stadt Bottrop – Jugendamt, Frühe Hilfen (Demo)', 'Kita- und Schulplatzberatung', 'SCHOOL_AND_CHILDCARE',
     'Eltern, die einen Kita- oder Schulplatz suchen', '{de,uk,ar,ro}', 'Tu,Th 09:00-12:00,13:00-16:00',
     'Gladbecker Straße', '66', '46236', 'Mit Termin; Unterlagen: Meldebescheinigung, Impfnachweis', '{}'),
    ('Stadt Bottrop – Jugendamt, Frühe Hilfen (Demo)', 'Konfliktberatung und Nachbarschaftsmediation', 'MEDIATION',
     'Nachbarinnen und Nachbarn im Streit', '{de,en,tr}', 'We 10:00-18:00',
     'Hansastraße', '9', '46236', 'Im Quartiersbüro Innenstadt; beide Seiten werden getrennt eingeladen', '{}')
) AS s(organisation, name, topic, target_group, languages, hours, street, house_number, postcode, how_to_reach, quarters)
JOIN partner_organisation o ON o.name = s.organisation
ON CONFLICT (organisation_id, name) DO NOTHING;

INSERT INTO partner_member (user_id, organisation_id)
SELECT u.id, o.id FROM staff_user u, partner_organisation o
WHERE u.username = 'partner' AND o.name = 'Caritas-Beratungszentrum Bottrop (Demo)'
ON CONFLICT (user_id) DO NOTHING;
