package de.quartierdispatch.geo;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Quarters and the questions asked of their polygons. Spatial work stays in PostGIS.
 */
@Repository
public class Quarters {

	private static final String CONTAINING = """
			SELECT id, code, name
			FROM quarter
			WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))
			ORDER BY area_m2, code
			""";

	private static final String FEATURE_COLLECTION = """
			SELECT json_build_object(
			    'type', 'FeatureCollection',
			    'features', coalesce(json_agg(json_build_object(
			        'type', 'Feature',
			        'id', code,
			        'properties', json_build_object('code', code, 'name', name),
			        'geometry', ST_AsGeoJSON(ST_ForcePolygonCCW(map_geom), 6)::json
			    ) ORDER BY area_m2 DESC, code), '[]'::json)
			)::text AS document
			FROM quarter
			""";

	/** About 50 km around the quarters; everywhere while there are none. */
	private static final String NEAR_THE_CITY = """
			SELECT coalesce((SELECT ST_Intersects(ST_SetSRID(ST_MakePoint(:lon, :lat), 4326),
			                                      ST_Expand(ST_SetSRID(ST_Extent(geom)::geometry, 4326), 0.5))
			                 FROM quarter), true) AS near
			""";

	private final DatabaseClient db;

	Quarters(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * All quarters as a GeoJSON FeatureCollection with simplified geometry, larger areas
	 * first so that a map draws nested quarters on top of their districts.
	 */
	public Mono<String> featureCollection() {
		return this.db.sql(FEATURE_COLLECTION).map((row) -> row.get("document", String.class)).one();
	}

	/**
	 * The most specific quarter containing the point, with the areas enclosing it; empty
	 * when the point lies outside every quarter.
	 */
	public Mono<QuarterLocation> locate(GeoPoint point) {
		Flux<QuarterRef> containing = this.db.sql(CONTAINING)
			.bind("lat", point.lat())
			.bind("lon", point.lon())
			.map(Quarters::toRef)
			.all();
		return containing.collectList().filter((areas) -> !areas.isEmpty()).map(Quarters::toLocation);
	}

	/**
	 * Whether the point lies near the city (about 50 km around its quarters): staff may
	 * keep a place outside every quarter, not one on another continent (0, 0 from a phone
	 * without a fix, latitude and longitude swapped).
	 */
	public Mono<Boolean> isNearTheCity(GeoPoint point) {
		return this.db.sql(NEAR_THE_CITY)
			.bind("lat", point.lat())
			.bind("lon", point.lon())
			.map((row) -> Boolean.TRUE.equals(row.get("near", Boolean.class)))
			.one();
	}

	/** The codes of the quarters with these ids (for scoping a board). */
	public Mono<Set<String>> codesOf(Collection<Long> ids) {
		return this.db.sql("SELECT code FROM quarter WHERE id = ANY(:ids)")
			.bind("ids", ids.toArray(Long[]::new))
			.map((row) -> row.get("code", String.class))
			.all()
			.collect(Collectors.toSet());
	}

	public Mono<Long> count() {
		return this.db.sql("SELECT count(*) AS n FROM quarter").map((row) -> row.get("n", Long.class)).one();
	}

	private static QuarterLocation toLocation(List<QuarterRef> smallestFirst) {
		return new QuarterLocation(smallestFirst.get(0), List.copyOf(smallestFirst.subList(1, smallestFirst.size())));
	}

	static QuarterRef toRef(Readable row) {
		return new QuarterRef(row.get("id", Long.class), row.get("code", String.class), row.get("name", String.class));
	}

}
