package de.quartierdispatch.open311;

import java.time.OffsetDateTime;
import java.util.List;

import de.quartierdispatch.publicmap.PublicMapProperties;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The public read model of service requests: one per report, with its incident's state,
 * the routed team types' names, and its place as the centre of its cell of the public
 * map's grid (the same cells as there: two grids would narrow a place down to where their
 * cells overlap). It reads no description, address, note or contact, so none can leak;
 * and, as on the public map, no report about people rather than places (a neighbour
 * conflict, a person in need): where and when one was made says too much about whom.
 */
@Repository
class Open311Queries {

	private static final String REQUESTS = """
			SELECT r.id, r.category_code, c.labels ->> :language AS category_name, r.submitted_at,
			       i.state, greatest(i.public_changed_at, r.submitted_at) AS updated_at, i.deadline,
			       q.name AS quarter_name,
			       round(least(90, greatest(-90, (floor(ST_Y(r.location) / :latStep) + 0.5) * :latStep))::numeric,
			             6)::float8 AS lat,
			       round(least(180, greatest(-180, (floor(ST_X(r.location) / :lonStep) + 0.5) * :lonStep))::numeric,
			             6)::float8 AS lon,
			       (SELECT string_agg(CASE WHEN :language = 'de' THEN t.label_de ELSE t.label_en END, ', '
			                          ORDER BY t.sort_order)
			        FROM team_type t WHERE t.code = ANY (i.team_types)) AS agency
			FROM report r
			JOIN incident i ON i.id = r.incident_id
			JOIN report_category c ON c.code = r.category_code
			LEFT JOIN quarter q ON q.id = r.quarter_id
			WHERE (cardinality(:ids::bigint[]) = 0 OR r.id = ANY (:ids::bigint[]))
			  AND (cardinality(:codes::text[]) = 0 OR r.category_code = ANY (:codes::text[]))
			  AND (cardinality(:states::text[]) = 0 OR i.state = ANY (:states::text[]))
			  AND r.submitted_at >= :start AND r.submitted_at < :end
			  AND r.category_code <> ALL (:hidden::text[])
			  -- a report merged into an incident about people says its team and deadline
			  AND i.category_code <> ALL (:hidden::text[])
			ORDER BY r.submitted_at DESC, r.id DESC
			LIMIT :limit
			""";

	private final DatabaseClient db;

	private final PublicMapProperties publicMap;

	private final String[] hiddenCategories;

	Open311Queries(DatabaseClient db, PublicMapProperties publicMap) {
		this.db = db;
		this.publicMap = publicMap;
		this.hiddenCategories = publicMap.hiddenCategories().toArray(String[]::new);
	}

	Flux<PublicRequest> find(RequestFilter filter, String language, int limit) {
		return this.db.sql(REQUESTS)
			.bind("language", language)
			.bind("latStep", this.publicMap.cellLatDegrees())
			.bind("lonStep", this.publicMap.cellLonDegrees())
			.bind("ids", filter.ids().toArray(Long[]::new))
			.bind("codes", filter.serviceCodes().toArray(String[]::new))
			.bind("states", filter.states().toArray(String[]::new))
			.bind("start", filter.start())
			.bind("end", filter.end())
			.bind("limit", limit)
			.bind("hidden", this.hiddenCategories)
			.map(Open311Queries::toRequest)
			.all();
	}

	/**
	 * The report id behind a tracking code (GeoReport v2's token); an erased report's
	 * code stands for nothing any more, and one about people (not in {@code requests})
	 * stands for no request either.
	 */
	Mono<Long> findIdByToken(String token) {
		return this.db.sql("""
				SELECT r.id FROM report r JOIN incident i ON i.id = r.incident_id
				WHERE r.tracking_code = :token AND r.redacted_at IS NULL
				  AND r.category_code <> ALL (:hidden::text[]) AND i.category_code <> ALL (:hidden::text[])
				""")
			.bind("token", token)
			.bind("hidden", this.hiddenCategories)
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	private static PublicRequest toRequest(Readable row) {
		return new PublicRequest(row.get("id", Long.class), row.get("category_code", String.class),
				row.get("category_name", String.class), row.get("state", String.class),
				row.get("submitted_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class),
				row.get("deadline", OffsetDateTime.class), row.get("quarter_name", String.class),
				row.get("lat", Double.class), row.get("lon", Double.class), row.get("agency", String.class));
	}

	/**
	 * What {@code GET requests} filters by; empty lists match everything.
	 *
	 * @param ids report ids
	 * @param serviceCodes category codes
	 * @param states incident states
	 * @param start earliest submission (inclusive)
	 * @param end latest submission (exclusive)
	 */
	record RequestFilter(List<Long> ids, List<String> serviceCodes, List<String> states, OffsetDateTime start,
			OffsetDateTime end) {
	}

	/**
	 * A service request as the public may see it.
	 *
	 * @param id the report's id
	 * @param serviceCode the category code
	 * @param serviceName the category in the language asked for
	 * @param state the incident's state
	 * @param requestedAt when the report arrived
	 * @param updatedAt when the incident last changed its public status or outcome
	 * @param expectedAt the incident's target time, if any
	 * @param quarterName the quarter it lies in, if any
	 * @param lat latitude snapped to the public grid
	 * @param lon longitude snapped to the public grid
	 * @param agency the routed team types' names
	 */
	record PublicRequest(long id, String serviceCode, String serviceName, String state, OffsetDateTime requestedAt,
			OffsetDateTime updatedAt, @Nullable OffsetDateTime expectedAt, @Nullable String quarterName, double lat,
			double lon, @Nullable String agency) {
	}

}
