package de.quartierdispatch.stats;

import java.time.LocalDate;
import java.time.ZoneId;

import de.quartierdispatch.routing.RoutingProperties;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reports counted on a hexagon grid (PostGIS ST_HexagonGrid), as GeoJSON for the
 * statistics map. The grid is laid in the UTM zone of the reports (metres, little
 * distortion over a city) and anchored at that zone's origin, so that a cell stays where
 * it is from one period to the next. Only cells with at least the minimum count are
 * returned: a drawn cell never stands for fewer reports. Each cell names the quarter most
 * of its reports came from, so that the page's table can say where the cells are.
 */
@Repository
class ReportGrid {

	/**
	 * Each report goes into exactly one cell: a point on the edge between two hexagons
	 * touches both, and the one with the lowest index takes it, so that the cells add up
	 * to the number of reports.
	 */
	private static final String GRID = """
			WITH reports AS (
			    SELECT r.id, r.location, r.quarter_id FROM report r WHERE r.submitted_at >= :from AND r.submitted_at < :to
			), zone AS (
			    -- The median, which a stray report far away does not move.
			    SELECT CASE WHEN percentile_cont(0.5) WITHIN GROUP (ORDER BY ST_Y(location)) >= 0 THEN 32600 ELSE 32700 END
			           + least(60, floor((percentile_cont(0.5) WITHIN GROUP (ORDER BY ST_X(location)) + 180) / 6)::int + 1)
			           AS srid
			    FROM reports
			), projectable AS MATERIALIZED (
			    -- Within 20 degrees of the zone's meridian (6n - 183): far beyond it the
			    -- projection fails; such a report is counted off the grid, not placed.
			    SELECT r.id, r.quarter_id, ST_Transform(r.location, z.srid) AS point
			    FROM reports r CROSS JOIN zone z
			    WHERE abs(ST_X(r.location) - ((z.srid % 100) * 6 - 183)) <= 20 AND abs(ST_Y(r.location)) <= 84
			), placed AS (
			    SELECT DISTINCT ON (p.id) p.id, p.quarter_id, h.i, h.j, h.geom
			    FROM projectable p
			    CROSS JOIN LATERAL ST_HexagonGrid(:edge, p.point) h
			    ORDER BY p.id, h.i, h.j
			), cells AS (
			    SELECT i, j, geom, count(*) AS n, mode() WITHIN GROUP (ORDER BY quarter_id) AS quarter_id
			    FROM placed GROUP BY i, j, geom
			)
			SELECT jsonb_build_object(
			    'type', 'FeatureCollection',
			    'minimumCount', :minimum, 'cellEdgeMetres', :edge,
			    'reports', (SELECT count(*) FROM reports),
			    'reportsOffTheGrid', (SELECT count(*) FROM reports) - (SELECT count(*) FROM projectable),
			    'hiddenCells', (SELECT count(*) FROM cells WHERE n < :minimum),
			    'reportsInHiddenCells', (SELECT coalesce(sum(n), 0) FROM cells WHERE n < :minimum),
			    'features', coalesce((SELECT jsonb_agg(jsonb_build_object(
			            'type', 'Feature',
			            'geometry', ST_AsGeoJSON(ST_Transform(c.geom, 4326), 6)::jsonb,
			            'properties', jsonb_build_object('reports', c.n, 'quarter', q.name)) ORDER BY c.n DESC, c.i, c.j)
			        FROM cells c LEFT JOIN quarter q ON q.id = c.quarter_id WHERE c.n >= :minimum), '[]')
			)::text AS grid
			""";

	private final DatabaseClient db;

	private final ZoneId zone;

	private final StatisticsProperties properties;

	ReportGrid(DatabaseClient db, RoutingProperties routing, StatisticsProperties properties) {
		this.db = db;
		this.zone = routing.zone();
		this.properties = properties;
	}

	Mono<String> cells(LocalDate from, LocalDate to) {
		return this.db.sql(GRID)
			.bind("from", from.atStartOfDay(this.zone).toOffsetDateTime())
			.bind("to", to.plusDays(1).atStartOfDay(this.zone).toOffsetDateTime())
			.bind("edge", this.properties.cellEdgeMetres())
			.bind("minimum", this.properties.minimumCount())
			.map((row) -> row.get("grid", String.class))
			.one();
	}

}
