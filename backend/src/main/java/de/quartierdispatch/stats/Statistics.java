package de.quartierdispatch.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

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
	 * One document for the statistics page. Counts below :minimum become null (the totals
	 * too: a period with one report would show it), and so do times and shares computed
	 * from fewer incidents; so does the row for all categories (category null) where it
	 * is that small: with one category, it would show that category's count. Response is
	 * the first arrival on site (incident.on_site_at), measured against the routing
	 * deadline: incidents still waiting past it count as late, those closed without a
	 * visit (no action, duplicate) are not measured.
	 */
	private static final String SUMMARY = """
			WITH reports AS (
			    SELECT r.category_code, q.code AS quarter, q.name AS quarter_name, r.channel, r.language,
			           to_char(r.submitted_at AT TIME ZONE :zone, 'YYYY-MM') AS month,
			           date_trunc('week', r.submitted_at AT TIME ZONE :zone)::date AS week
			    FROM report r LEFT JOIN quarter q ON q.id = r.quarter_id
			    WHERE r.submitted_at >= :from AND r.submitted_at < :to
			), incidents AS (
			    SELECT i.category_code, i.state, i.outcome, i.priority,
			           extract(epoch FROM i.closed_at - i.created_at) / 3600 AS hours_to_close,
			           extract(epoch FROM i.on_site_at - i.created_at) / 60 AS minutes_to_site,
			           i.deadline IS NOT NULL AND (i.on_site_at IS NOT NULL
			               OR (i.closed_at IS NULL AND i.deadline < :now)) AS measured,
			           i.on_site_at <= i.deadline AS within_target
			    FROM incident i
			    WHERE i.created_at >= :from AND i.created_at < :to AND i.merged_into IS NULL
			), times AS (
			    SELECT category_code, count(*) AS incidents, count(hours_to_close) AS closed,
			           percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_to_close) AS close50,
			           percentile_cont(0.9) WITHIN GROUP (ORDER BY hours_to_close) AS close90,
			           count(minutes_to_site) AS reached,
			           percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes_to_site) AS site50,
			           percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes_to_site) AS site90,
			           count(*) FILTER (WHERE measured) AS measured,
			           count(*) FILTER (WHERE measured AND within_target) AS within_target
			    FROM incidents GROUP BY GROUPING SETS ((category_code), ())
			), timed AS (
			    SELECT category_code, jsonb_build_object(
			        'category', category_code,
			        'incidents', suppress(incidents, :minimum),
			        'closed', suppress(closed, :minimum),
			        'medianHoursToClose', CASE WHEN closed >= :minimum THEN round(close50::numeric, 1) END,
			        'p90HoursToClose', CASE WHEN closed >= :minimum THEN round(close90::numeric, 1) END,
			        'reachedOnSite', suppress(reached, :minimum),
			        'medianMinutesToSite', CASE WHEN reached >= :minimum THEN round(site50::numeric) END,
			        'p90MinutesToSite', CASE WHEN reached >= :minimum THEN round(site90::numeric) END,
			        'withinTarget', CASE WHEN measured >= :minimum THEN round(within_target::numeric / measured, 3) END
			    ) AS figures
			    FROM times
			)
			SELECT jsonb_build_object(
			    'from', :fromDate::text, 'to', :toDate::text, 'minimumCount', :minimum,
			    'reports', suppress((SELECT count(*) FROM reports), :minimum),
			    'incidents', suppress((SELECT count(*) FROM incidents), :minimum),
			    'closed', suppress((SELECT count(*) FROM incidents WHERE hours_to_close IS NOT NULL), :minimum),
			    'times', (SELECT figures FROM timed WHERE category_code IS NULL),
			    'byCategory', coalesce((SELECT jsonb_agg(figures ORDER BY category_code)
			        FROM timed WHERE category_code IS NOT NULL), '[]'),
			    'byWeek', coalesce((SELECT jsonb_agg(jsonb_build_object(
			            'week', week::text, 'category', category_code, 'reports', suppress(n, :minimum))
			            ORDER BY week, category_code)
			        FROM (SELECT week, category_code, count(*) AS n FROM reports GROUP BY week, category_code) g), '[]'),
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

	/**
	 * The table behind the summary, one row per month, category, quarter and channel; no
	 * group is left out, so that the rows add up to the page's total.
	 */
	private static final String ROWS = """
			SELECT to_char(r.submitted_at AT TIME ZONE :zone, 'YYYY-MM') AS month, r.category_code AS category,
			       min(coalesce(c.labels ->> :language, c.labels ->> 'de', r.category_code)) AS category_name,
			       q.name AS quarter, r.channel, count(*) AS reports
			FROM report r LEFT JOIN quarter q ON q.id = r.quarter_id
			LEFT JOIN report_category c ON c.code = r.category_code
			WHERE r.submitted_at >= :from AND r.submitted_at < :to
			GROUP BY 1, 2, 4, 5
			ORDER BY 1, 2, 4, 5
			""";

	private final DatabaseClient db;

	private final ZoneId zone;

	private final StatisticsProperties properties;

	private final Clock clock;

	Statistics(DatabaseClient db, RoutingProperties routing, StatisticsProperties properties, Clock clock) {
		this.db = db;
		this.zone = routing.zone();
		this.properties = properties;
		this.clock = clock;
	}

	Mono<String> summary(LocalDate from, LocalDate to) {
		return this.db.sql(SUMMARY)
			.bind("from", start(from))
			.bind("to", start(to.plusDays(1)))
			.bind("fromDate", from.toString())
			.bind("toDate", to.toString())
			.bind("zone", this.zone.getId())
			.bind("minimum", this.properties.minimumCount())
			.bind("now", OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.map((row) -> row.get("summary", String.class))
			.one();
	}

	/** Every group, also those below the minimum: the CSV shows those as suppressed. */
	Flux<Row> rows(LocalDate from, LocalDate to, String language) {
		return this.db.sql(ROWS)
			.bind("language", language)
			.bind("from", start(from))
			.bind("to", start(to.plusDays(1)))
			.bind("zone", this.zone.getId())
			.map(Statistics::toRow)
			.all();
	}

	int minimumCount() {
		return this.properties.minimumCount();
	}

	private OffsetDateTime start(LocalDate day) {
		return day.atStartOfDay(this.zone).toOffsetDateTime();
	}

	private static Row toRow(Readable row) {
		return new Row(row.get("month", String.class), row.get("category", String.class),
				row.get("category_name", String.class), row.get("quarter", String.class),
				row.get("channel", String.class), row.get("reports", Long.class));
	}

	/**
	 * Reports of one month, category, quarter and channel.
	 *
	 * @param month e.g. 2026-11
	 * @param category the category code
	 * @param categoryName its name in the reader's language
	 * @param quarter the quarter's name (empty when outside every quarter)
	 * @param channel how the reports came in
	 * @param reports how many
	 */
	record Row(String month, String category, String categoryName, @Nullable String quarter, String channel,
			long reports) {
	}

}
