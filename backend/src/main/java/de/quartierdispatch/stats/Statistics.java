package de.quartierdispatch.stats;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import de.quartierdispatch.routing.RoutingProperties;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The statistics, computed by the database from what retention keeps (category, quarter,
 * times, channel, language, priority, outcome), never from text or contact details.
 */
@Repository
class Statistics {

	/**
	 * One document for the statistics page. Counts below :minimum become null; the totals
	 * are exact.
	 */
	private static final String SUMMARY = """
			WITH reports AS (
			    SELECT r.category_code, q.code AS quarter, q.name AS quarter_name, r.channel, r.language,
			           to_char(r.submitted_at AT TIME ZONE :zone, 'YYYY-MM') AS month
			    FROM report r LEFT JOIN quarter q ON q.id = r.quarter_id
			    WHERE r.submitted_at >= :from AND r.submitted_at < :to
			), incidents AS (
			    SELECT i.category_code, i.state, i.outcome, i.priority,
			           extract(epoch FROM i.closed_at - i.created_at) / 3600 AS hours_to_close
			    FROM incident i
			    WHERE i.created_at >= :from AND i.created_at < :to AND i.merged_into IS NULL
			)
			SELECT jsonb_build_object(
			    'from', :fromDate::text, 'to', :toDate::text, 'minimumCount', :minimum,
			    'reports', (SELECT count(*) FROM reports),
			    'incidents', (SELECT count(*) FROM incidents),
			    'closed', (SELECT count(*) FROM incidents WHERE hours_to_close IS NOT NULL),
			    'byCategory', coalesce((SELECT jsonb_agg(jsonb_build_object(
			            'category', c.category_code, 'incidents', suppress(c.incidents, :minimum),
			            'medianHoursToClose', CASE WHEN c.closed >= :minimum THEN round(c.median::numeric, 1) END)
			            ORDER BY c.category_code)
			        FROM (SELECT category_code, count(*) AS incidents, count(hours_to_close) AS closed,
			                     percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_to_close) AS median
			              FROM incidents GROUP BY category_code) c), '[]'),
			    'byQuarter', coalesce((SELECT jsonb_agg(jsonb_build_object(
			            'quarter', g.quarter, 'name', g.quarter_name, 'reports', suppress(g.n, :minimum))
			            ORDER BY g.quarter NULLS LAST)
			        FROM (SELECT quarter, quarter_name, count(*) AS n FROM reports GROUP BY quarter, quarter_name) g), '[]'),
			    'byChannel', coalesce((SELECT jsonb_object_agg(channel, suppress(n, :minimum))
			        FROM (SELECT channel, count(*) AS n FROM reports GROUP BY channel) g), '{}'),
			    'byLanguage', coalesce((SELECT jsonb_object_agg(language, suppress(n, :minimum))
			        FROM (SELECT language, count(*) AS n FROM reports GROUP BY language) g), '{}'),
			    'byMonth', coalesce((SELECT jsonb_agg(jsonb_build_object('month', month, 'reports', suppress(n, :minimum))
			            ORDER BY month)
			        FROM (SELECT month, count(*) AS n FROM reports GROUP BY month) g), '[]'),
			    'byOutcome', coalesce((SELECT jsonb_object_agg(coalesce(outcome, state), suppress(n, :minimum))
			        FROM (SELECT outcome, CASE WHEN outcome IS NULL THEN 'OPEN' END AS state, count(*) AS n
			              FROM incidents GROUP BY outcome) g), '{}'),
			    'byPriority', coalesce((SELECT jsonb_object_agg('P' || coalesce(priority::text, '?'), suppress(n, :minimum))
			        FROM (SELECT priority, count(*) AS n FROM incidents GROUP BY priority) g), '{}')
			)::text AS summary
			""";

	/** The table behind the summary, one row per month, category, quarter and channel. */
	private static final String ROWS = """
			SELECT to_char(r.submitted_at AT TIME ZONE :zone, 'YYYY-MM') AS month, r.category_code AS category,
			       q.code AS quarter, r.channel, count(*) AS reports
			FROM report r LEFT JOIN quarter q ON q.id = r.quarter_id
			WHERE r.submitted_at >= :from AND r.submitted_at < :to
			GROUP BY 1, 2, 3, 4
			ORDER BY 1, 2, 3, 4
			""";

	private final DatabaseClient db;

	private final ZoneId zone;

	private final StatisticsProperties properties;

	Statistics(DatabaseClient db, RoutingProperties routing, StatisticsProperties properties) {
		this.db = db;
		this.zone = routing.zone();
		this.properties = properties;
	}

	Mono<String> summary(LocalDate from, LocalDate to) {
		return this.db.sql(SUMMARY)
			.bind("from", start(from))
			.bind("to", start(to.plusDays(1)))
			.bind("fromDate", from.toString())
			.bind("toDate", to.toString())
			.bind("zone", this.zone.getId())
			.bind("minimum", this.properties.minimumCount())
			.map((row) -> row.get("summary", String.class))
			.one();
	}

	/**
	 * Rows with fewer reports than the minimum are left out (and said to be in the CSV
	 * header).
	 */
	Flux<Row> rows(LocalDate from, LocalDate to) {
		return this.db.sql(ROWS)
			.bind("from", start(from))
			.bind("to", start(to.plusDays(1)))
			.bind("zone", this.zone.getId())
			.map(Statistics::toRow)
			.all()
			.filter((row) -> row.reports() >= this.properties.minimumCount());
	}

	int minimumCount() {
		return this.properties.minimumCount();
	}

	private OffsetDateTime start(LocalDate day) {
		return day.atStartOfDay(this.zone).toOffsetDateTime();
	}

	private static Row toRow(Readable row) {
		return new Row(row.get("month", String.class), row.get("category", String.class),
				row.get("quarter", String.class), row.get("channel", String.class), row.get("reports", Long.class));
	}

	/**
	 * Reports of one month, category, quarter and channel.
	 *
	 * @param month e.g. 2026-11
	 * @param category the category code
	 * @param quarter the quarter code (empty when outside every quarter)
	 * @param channel how the reports came in
	 * @param reports how many
	 */
	record Row(String month, String category, @Nullable String quarter, String channel, long reports) {
	}

}
