package de.quartierdispatch.publicmap;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import de.quartierdispatch.geo.GeoPoint;
import de.quartierdispatch.system.SqlParameters;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Open incidents on the coarse grid. Every position is replaced by the centre of its grid
 * cell before anything else happens, and the distance filter works on that centre too:
 * otherwise asking with many radii around many points would reveal the exact position.
 */
@Repository
public class OpenReports {

	private static final String ON_THE_GRID = """
			WITH cell AS (
			    SELECT i.id, i.category_code, i.state, i.created_at,
			           -- A cell at the edge of the world keeps its centre on it.
			           round(least(90, greatest(-90, (floor(ST_Y(i.location) / :latStep) + 0.5) * :latStep))::numeric,
			                 6)::float8 AS lat,
			           round(least(180, greatest(-180, (floor(ST_X(i.location) / :lonStep) + 0.5) * :lonStep))::numeric,
			                 6)::float8 AS lon
			    FROM incident i
			    WHERE i.state IN ('OPEN', 'DISPATCHED', 'ON_SITE')
			      AND i.category_code <> ALL (:hidden)
			      AND (CAST(:category AS text) IS NULL OR i.category_code = :category)
			)
			SELECT id, category_code, state, created_at, lat, lon FROM cell
			WHERE ST_DWithin(ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography,
			                 ST_SetSRID(ST_MakePoint(:hereLon, :hereLat), 4326)::geography, :radius)
			ORDER BY created_at DESC
			LIMIT :limit
			""";

	private final DatabaseClient db;

	private final PublicMapProperties properties;

	private final Clock clock;

	OpenReports(DatabaseClient db, PublicMapProperties properties, Clock clock) {
		this.db = db;
		this.properties = properties;
		this.clock = clock;
	}

	/** Open reports whose grid cell lies within the radius, newest first. */
	public Flux<OpenReport> near(GeoPoint here, int radiusMeters, @Nullable String category) {
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		return this.db.sql(ON_THE_GRID)
			.bind("latStep", this.properties.cellLatDegrees())
			.bind("lonStep", this.properties.cellLonDegrees())
			.bind("hidden", this.properties.hiddenCategories().toArray(String[]::new))
			.bind("category", SqlParameters.nullable(category, String.class))
			.bind("hereLat", here.lat())
			.bind("hereLon", here.lon())
			.bind("radius", (double) radiusMeters)
			.bind("limit", this.properties.limit())
			.map((row) -> new OpenReport(row.get("id", Long.class), row.get("category_code", String.class),
					"OPEN".equals(row.get("state", String.class)) ? "RECEIVED" : "IN_PROGRESS",
					(int) Duration.between(row.get("created_at", OffsetDateTime.class), now).toDays(),
					row.get("lat", Double.class), row.get("lon", Double.class)))
			.all();
	}

	/**
	 * Whether a resident's report of this category at this place may join the incident
	 * ("me too"): it is open, of the same category, shown on the map, and its cell lies
	 * within the radius.
	 */
	public Mono<Boolean> mayJoin(long incidentId, String category, GeoPoint here) {
		return near(here, this.properties.radiusMeters(), category).any((report) -> report.ref() == incidentId);
	}

}
