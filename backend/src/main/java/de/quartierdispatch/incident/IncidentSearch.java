package de.quartierdispatch.incident;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import de.quartierdispatch.system.SqlParameters;
import de.quartierdispatch.system.TrackingCodeText;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Finding incidents, open or closed, within the lead's quarters: by tracking code,
 * incident number, address or text, filtered by period, quarter, category and outcome, a
 * page at a time, the latest first. Redacted texts are not searched.
 */
@Repository
class IncidentSearch {

	private static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");

	private static final String SEARCH = """
			WITH found AS (
			    SELECT i.id, coalesce(i.closed_at, i.created_at) AS latest
			    FROM incident i
			    LEFT JOIN quarter q ON q.id = i.quarter_id
			    WHERE (:unscoped OR i.quarter_id = ANY(:scope))
			      AND (:closed::boolean IS NULL OR (i.state IN ('RESOLVED', 'REFERRED', 'CLOSED')) = :closed)
			      AND (:fromDate::timestamptz IS NULL OR coalesce(i.closed_at, i.created_at) >= :fromDate)
			      AND (:toDate::timestamptz IS NULL OR coalesce(i.closed_at, i.created_at) < :toDate)
			      AND (:quarter::text IS NULL OR q.code = :quarter)
			      AND (:category::text IS NULL OR i.category_code = :category)
			      AND (:outcome::text IS NULL OR i.outcome = :outcome)
			      AND (:text::text IS NULL
			           OR i.id = :number
			           OR EXISTS (SELECT 1 FROM report r WHERE r.incident_id = i.id
			                      -- An erased or expired report's code names no one's case any more,
			                      -- here as on the status page.
			                      AND ((r.redacted_at IS NULL AND r.tracking_code = :code)
			                           OR r.address_label ILIKE :pattern
			                           OR (r.redacted_at IS NULL AND r.description ILIKE :pattern))))
			)
			SELECT jsonb_build_object(
			    'total', (SELECT count(*) FROM found),
			    'items', coalesce((SELECT jsonb_agg(incident_summary(p.id) || jsonb_build_object(
			                              'closedAt', i.closed_at,
			                              'trackingCodes', (SELECT jsonb_agg(r.tracking_code ORDER BY r.submitted_at)
			                                                FROM report r WHERE r.incident_id = p.id),
			                              'address', (SELECT r.address_label FROM report r WHERE r.incident_id = p.id
			                                          AND r.address_label IS NOT NULL ORDER BY r.submitted_at LIMIT 1))
			                              ORDER BY p.latest DESC, p.id DESC)
			                       FROM (SELECT * FROM found ORDER BY latest DESC, id DESC
			                             LIMIT :size OFFSET :offset) AS p
			                       JOIN incident i ON i.id = p.id), '[]'))::text AS page
			""";

	private final DatabaseClient db;

	IncidentSearch(DatabaseClient db) {
		this.db = db;
	}

	/** One page of what the query finds, as JSON: {@code total} and {@code items}. */
	Mono<String> find(Query query, List<Long> quarterScope) {
		String text = query.text();
		Long number = (text != null && text.matches("#?\\d{1,18}")) ? Long.valueOf(text.replace("#", "")) : null;
		return this.db.sql(SEARCH)
			.bind("unscoped", quarterScope.isEmpty())
			.bind("scope", quarterScope.toArray(Long[]::new))
			.bind("closed", SqlParameters.nullable(query.closed(), Boolean.class))
			.bind("fromDate", SqlParameters.nullable(startOf(query.from()), OffsetDateTime.class))
			.bind("toDate",
					SqlParameters.nullable(startOf((query.to() != null) ? query.to().plusDays(1) : null),
							OffsetDateTime.class))
			.bind("quarter", SqlParameters.nullable(query.quarter(), String.class))
			.bind("category", SqlParameters.nullable(query.category(), String.class))
			.bind("outcome",
					SqlParameters.nullable((query.outcome() != null) ? query.outcome().name() : null, String.class))
			.bind("text", SqlParameters.nullable(text, String.class))
			.bind("number", SqlParameters.nullable(number, Long.class))
			// Read out by a resident: any case, dashes or none, O for 0.
			.bind("code",
					SqlParameters.nullable((text != null) ? TrackingCodeText.normalize(text).orElse(null) : null,
							String.class))
			.bind("pattern",
					SqlParameters.nullable((text != null) ? "%" + likeEscaped(text) + "%" : null, String.class))
			.bind("size", query.size())
			.bind("offset", (long) query.page() * query.size())
			.map((row) -> row.get("page", String.class))
			.one();
	}

	private static @Nullable OffsetDateTime startOf(@Nullable LocalDate day) {
		return (day != null) ? day.atStartOfDay(CITY_TIME).toOffsetDateTime() : null;
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * What to look for; every part is optional.
	 *
	 * @param text a tracking code, an incident number, part of an address or of a
	 * report's text
	 * @param closed only closed ({@code true}) or only open ({@code false}) incidents
	 * @param from first day (local time) the incident was closed, or opened if still open
	 * @param to last such day
	 * @param quarter a quarter's code
	 * @param category a category's code
	 * @param outcome how it ended
	 * @param page the page, from 0
	 * @param size incidents per page
	 */
	record Query(@Nullable String text, @Nullable Boolean closed, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable String quarter, @Nullable String category, @Nullable Outcome outcome, int page, int size) {
	}

}
