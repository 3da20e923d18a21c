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
			    SELECT CASE WHEN avg(ST_Y(location)) >= 0 THEN 32600 ELSE 32700 END
			           + least(60, floor((avg(ST_X(location)) + 180) / 6)::int + 1) AS srid
			    FROM reports
			), placed AS (
			    SELECT DISTINCT ON (r.id) r.id, r.quarter_id, h.i, h.j, h.geom
			    FROM reports r CROSS JOIN zone z
			    CROSS JOIN LATERAL ST_HexagonGrid(:edge, ST_Transform(r.location, z.srid)) h
			    ORDER BY r.id, h.i, h.j
			), cells AS (
			    SELECT i, j, geom, count(*) AS n, mode() WITHIN GROUP (ORDER BY quarter_id) AS quarter_id
			    FROM placed GROUP BY i, j, geom
			)
			SELECT jsonb_build_object(
			    'type', 'FeatureCollection',
			    'minimumCount', :minimum, 'cellEdgeMetres', :edge,
			    'reports', (SELECT count(*) FROM reports),
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
