package de.quartierdispatch.team;

import java.time.OffsetDateTime;

import de.quartierdispatch.geo.GeoPoint;
import de.quartierdispatch.system.SqlParameters;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Teams and their current state.
 */
@Repository
public class Teams {

	private final DatabaseClient db;

	Teams(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Reads a team's availability and locks the team for the rest of the transaction, so
	 * that two leads cannot both assign it.
	 */
	public Mono<TeamAvailability> lockAvailability(long id) {
		// Locked in a statement of its own: the read after it sees what the transaction
		// it waited for did (a job given back meanwhile), which a subquery beside FOR
		// UPDATE does not.
		return this.db.sql("SELECT id FROM team WHERE id = :id FOR UPDATE")
			.bind("id", id)
			.map((row) -> row.get("id", Long.class))
			.all()
			.then(this.db.sql("""
					SELECT t.status,
					       (SELECT a.incident_id FROM assignment a WHERE a.team_id = t.id
					        AND a.state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE') LIMIT 1) AS busy_with,
					       NOT t.active AS retired
					FROM team t WHERE t.id = :id
					""")
				.bind("id", id)
				.map((row) -> new TeamAvailability(id, TeamStatus.valueOf(row.get("status", String.class)),
						row.get("busy_with", Long.class), Boolean.TRUE.equals(row.get("retired", Boolean.class))))
				.one());
	}

	/**
	 * Sets a team's status and, when the member shares it, its position. Off duty ends
	 * the shift: the team's last position is erased. A position far from the city's
	 * quarters (about 50 km around them; a phone without a fix reports 0, 0) is not
	 * taken: the board would show the team there and zoom out to the world.
	 */
	public Mono<Void> setStatus(long id, TeamStatus status, @Nullable GeoPoint position, OffsetDateTime at) {
		return this.db.sql("""
				WITH shared AS (
				    SELECT ST_SetSRID(ST_MakePoint(:lon::float8, :lat::float8), 4326) AS point
				    WHERE :lat::float8 IS NOT NULL
				      AND coalesce((SELECT ST_Intersects(ST_SetSRID(ST_MakePoint(:lon::float8, :lat::float8), 4326),
				                                         ST_Expand(ST_SetSRID(ST_Extent(geom)::geometry, 4326), 0.5))
				                    FROM quarter), true)
				)
				UPDATE team
				SET status = :status, version = version + 1, updated_at = :at,
				    last_position = CASE WHEN :status = 'OFF_DUTY' THEN NULL
				                         ELSE coalesce((SELECT point FROM shared), last_position) END,
				    last_position_at = CASE WHEN :status = 'OFF_DUTY' THEN NULL
				                            WHEN EXISTS (SELECT 1 FROM shared) THEN :at ELSE last_position_at END
				WHERE id = :id
				""")
			.bind("id", id)
			.bind("status", status.name())
			.bind("lat", SqlParameters.nullable((position != null) ? position.lat() : null, Double.class))
			.bind("lon", SqlParameters.nullable((position != null) ? position.lon() : null, Double.class))
			.bind("at", at)
			.then();
	}

	/**
	 * Whether the team's type works voluntarily (street work, outreach): its assignments
	 * are offers it may decline without giving a reason.
	 */
	public Mono<Boolean> worksVoluntarily(long id) {
		return this.db
			.sql("SELECT tt.voluntary FROM team t JOIN team_type tt ON tt.code = t.team_type WHERE t.id = :id")
			.bind("id", id)
			.map((row) -> Boolean.TRUE.equals(row.get("voluntary", Boolean.class)))
			.one()
			.defaultIfEmpty(false);
	}

}
