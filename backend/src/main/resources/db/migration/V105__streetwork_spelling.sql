-- The seeded German name of street work read "StreetWork" in the administration and
-- "Streetwork" on the board (from the translation files). One spelling, the common one; a
-- name a city has changed since is left as it is.
UPDATE team_type SET label_de = 'Streetwork / mobile Jugendarbeit'
WHERE code = 'STREETWORK' AND label_de = 'StreetWork / mobile Jugendarbeit';
