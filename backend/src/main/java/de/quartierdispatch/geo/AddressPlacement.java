package de.quartierdispatch.geo;

import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Where an address file's coordinates land once converted: on Earth (a projected system
 * takes numbers no projection produces) and near the city's quarters, when there are any
 * (about 50 km around them). A file read in the wrong reference system lands far off, and
 * its addresses would put reports and the public address search there.
 */
@Component
class AddressPlacement {

	private static final String FIRST_OFF_THE_MAP = """
			WITH city AS (
			    SELECT ST_Expand(ST_SetSRID(ST_Extent(geom)::geometry, 4326), 0.5) AS area FROM quarter
			)
			SELECT min(i) AS first
			FROM (SELECT i, ST_Transform(ST_SetSRID(ST_MakePoint(x, y), :srid), 4326) AS p
			      FROM unnest(:xs::float8[], :ys::float8[]) WITH ORDINALITY AS row(x, y, i)) placed, city
			WHERE CASE WHEN NOT (ST_X(p) BETWEEN -180 AND 180 AND ST_Y(p) BETWEEN -90 AND 90) THEN true
			           WHEN city.area IS NULL THEN false
			           ELSE NOT ST_Intersects(p, city.area) END
			""";

	private final DatabaseClient db;

	AddressPlacement(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The index (from 0) of the first point that lands off the map, if any.
	 * @param xs the points' first coordinates, in the file's system
	 * @param ys their second coordinates
	 * @param srid the file's reference system
	 */
	Mono<Integer> firstOffTheMap(Double[] xs, Double[] ys, int srid) {
		return this.db.sql(FIRST_OFF_THE_MAP)
			.bind("srid", srid)
			.bind("xs", xs)
			.bind("ys", ys)
			.map((row) -> Optional.ofNullable(row.get("first", Long.class)))
			.one()
			.flatMap(Mono::justOrEmpty)
			.map((first) -> (int) (first - 1));
	}

}
