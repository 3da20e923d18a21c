package de.quartierdispatch.team;

import java.time.OffsetDateTime;
import java.util.Arrays;

import de.quartierdispatch.geo.GeoPoint;
import de.quartierdispatch.system.SqlParameters;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Teams and their current state.
 */
@Repository
public class Teams {

	static final String SELECT = """
			SELECT t.id, t.name, t.team_type, t.status, t.languages, t.version,
			       ST_Y(t.last_position) AS lat, ST_X(t.last_position) AS lon, t.last_position_at,
			       coalesce(array_agg(q.code ORDER BY q.code) FILTER (WHERE q.code IS NOT NULL), '{}') AS quarter_codes
			FROM team t
			LEFT JOIN team_quarter tq ON tq.team_id = t.id
			LEFT JOIN quarter q ON q.id = tq.quarter_id
			""";

	private final DatabaseClient db;

	Teams(DatabaseClient db) {
		this.db = db;
	}

	public Flux<Team> findAll() {
		return this.db.sql(SELECT + " GROUP BY t.id ORDER BY t.team_type, t.name").map(Teams::toTeam).all();
	}

	public Mono<Team> findById(long id) {
		return this.db.sql(SELECT + " WHERE t.id = :id GROUP BY t.id").bind("id", id).map(Teams::toTeam).one();
	}

	static Team toTeam(Readable row) {
		return new Team(row.get("id", Long.class), row.get("name", String.class), row.get("team_type", String.class),
				TeamStatus.valueOf(row.get("status", String.class)),
				Arrays.asList(row.get("languages", String[].class)),
				Arrays.asList(row.get("quarter_codes", String[].class)), row.get("lat", Double.class),
				row.get("lon", Double.class), row.get("last_position_at", OffsetDateTime.class),
				row.get("version", Integer.class));
	}

	/**
	 * Reads a team's availability and locks the team for the rest of the transaction, so
	 * that two leads cannot both assign it.
	 */
	public Mono<TeamAvailability> lockAvailability(long id) {
		return this.db.sql("""
				SELECT t.status,
				       EXISTS (SELECT 1 FROM assignment a WHERE a.team_id = t.id
				               AND a.state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE')) AS busy
				FROM team t WHERE t.id = :id FOR UPDATE
				""")
			.bind("id", id)
			.map((row) -> new TeamAvailability(id, TeamStatus.valueOf(row.get("status", String.class)),
					Boolean.TRUE.equals(row.get("busy", Boolean.class))))
			.one();
	}

	/** Sets a team's status and, when the member shares it, its position. */
	public Mono<Void> setStatus(long id, TeamStatus status, @Nullable GeoPoint position, OffsetDateTime at) {
		return this.db.sql("""
				UPDATE team
				SET status = :status, version = version + 1, updated_at = :at,
				    last_position = CASE WHEN :lat::float8 IS NULL THEN last_position
				                         ELSE ST_SetSRID(ST_MakePoint(:lon::float8, :lat::float8), 4326) END,
				    last_position_at = CASE WHEN :lat::float8 IS NULL THEN last_position_at ELSE :at END
				WHERE id = :id
				""")
			.bind("id", id)
			.bind("status", status.name())
			.bind("lat", SqlParameters.nullable((position != null) ? position.lat() : null, Double.class))
			.bind("lon", SqlParameters.nullable((position != null) ? position.lon() : null, Double.class))
			.bind("at", at)
			.then();
	}

}
