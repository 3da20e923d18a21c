-- A webhook placed an incident on a 100 m metric grid of its own, Open311 and the public map on
-- the public map's grid: a receiver of both could narrow a place down to where their cells
-- overlap. Webhooks now use the public map's cells too. Their size is the application's setting
-- (quartier.public-map.cell-*-degrees), written here after every migration (afterMigrate.sql).
-- And every event of an incident names its channel and partner app, not only the opening one.
CREATE TABLE public_grid (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    lat_step double precision NOT NULL CHECK (lat_step > 0),
    lon_step double precision NOT NULL CHECK (lon_step > 0)
);
INSERT INTO public_grid (lat_step, lon_step) VALUES (0.001, 0.0015);

-- The centre of the point's cell, as Open311Queries and publicmap.OpenReports compute it.
CREATE FUNCTION public_grid_cell(point geometry) RETURNS geometry LANGUAGE sql STABLE AS $$
    SELECT ST_SetSRID(ST_MakePoint(
               round(least(180, greatest(-180, (floor(ST_X(point) / g.lon_step) + 0.5) * g.lon_step))::numeric, 6)::float8,
               round(least(90, greatest(-90, (floor(ST_Y(point) / g.lat_step) + 0.5) * g.lat_step))::numeric, 6)::float8),
           4326)
    FROM public_grid g
$$;

CREATE OR REPLACE FUNCTION webhook_payload(event board_event) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
        'id', event.seq,
        'type', event.type,
        'occurredAt', event.occurred_at,
        -- Said by the opening event; for every later one, the incident's first report says it.
        'channel', coalesce(event.data ->> 'channel', first.channel),
        'source', coalesce(event.data ->> 'source', first.source_name),
        'incident', CASE WHEN i.id IS NULL THEN NULL ELSE jsonb_build_object(
            'id', i.id,
            'category', i.category_code,
            'state', i.state,
            'priority', i.priority,
            'teamTypes', to_jsonb(i.team_types),
            'outcome', i.outcome,
            'mergedInto', i.merged_into,
            'quarter', CASE WHEN q.id IS NULL THEN NULL ELSE jsonb_build_object('code', q.code, 'name', q.name) END,
            'location', jsonb_build_object(
                'lat', ST_Y(public_grid_cell(i.location)),
                'lon', ST_X(public_grid_cell(i.location))),
            'createdAt', i.created_at,
            'updatedAt', i.updated_at) END)
    FROM (SELECT 1) AS one
    LEFT JOIN incident i ON i.id = event.incident_id
    LEFT JOIN quarter q ON q.id = i.quarter_id
    LEFT JOIN LATERAL (SELECT r.channel, r.source_name FROM report r
                       WHERE r.incident_id = i.id ORDER BY r.submitted_at, r.id LIMIT 1) first ON true
$$;
