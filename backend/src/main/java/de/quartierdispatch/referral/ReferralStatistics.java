package de.quartierdispatch.referral;

import java.time.LocalDate;
import java.time.ZoneId;

import de.quartierdispatch.routing.RoutingProperties;
import de.quartierdispatch.stats.StatisticsProperties;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Referrals counted by topic, quarter (of the city), calendar quarter and outcome, from
 * what retention keeps; counts below the statistics' minimum are suppressed (null) as
 * everywhere else.
 */
@Repository
class ReferralStatistics {

	private static final String SUMMARY = """
			WITH referrals AS (
			    SELECT r.topic, q.code AS quarter, q.name AS quarter_name,
			           to_char(r.created_at AT TIME ZONE :zone, 'YYYY-"Q"Q') AS period,
			           coalesce(r.outcome, r.state) AS outcome
			    FROM referral r LEFT JOIN quarter q ON q.id = r.quarter_id
			    WHERE r.created_at >= :from AND r.created_at < :to
			)
			SELECT jsonb_build_object(
			    'from', :fromDate::text, 'to', :toDate::text, 'minimumCount', :minimum,
			    'referrals', suppress((SELECT count(*) FROM referrals), :minimum),
			    'byTopic', coalesce((SELECT jsonb_object_agg(topic, suppress(n, :minimum))
			        FROM (SELECT topic, count(*) AS n FROM referrals GROUP BY topic) g), '{}'),
			    'byQuarter', coalesce((SELECT jsonb_agg(jsonb_build_object(
			            'quarter', g.quarter, 'name', g.quarter_name, 'referrals', suppress(g.n, :minimum))
			            ORDER BY g.quarter NULLS LAST)
			        FROM (SELECT quarter, quarter_name, count(*) AS n FROM referrals GROUP BY quarter, quarter_name) g), '[]'),
			    'byPeriod', coalesce((SELECT jsonb_agg(jsonb_build_object('period', period, 'referrals', suppress(n, :minimum))
			            ORDER BY period)
			        FROM (SELECT period, count(*) AS n FROM referrals GROUP BY period) g), '[]'),
			    'byOutcome', coalesce((SELECT jsonb_object_agg(outcome, suppress(n, :minimum))
			        FROM (SELECT outcome, count(*) AS n FROM referrals GROUP BY outcome) g), '{}'),
			    'byTopicAndOutcome', coalesce((SELECT jsonb_agg(jsonb_build_object(
			            'topic', topic, 'outcome', outcome, 'referrals', suppress(n, :minimum)) ORDER BY topic, outcome)
			        FROM (SELECT topic, outcome, count(*) AS n FROM referrals GROUP BY topic, outcome) g), '[]')
			)::text AS summary
			""";

	private final DatabaseClient db;

	private final StatisticsProperties properties;

	private final ZoneId zone;

	ReferralStatistics(DatabaseClient db, StatisticsProperties properties, RoutingProperties routing) {
		this.db = db;
		this.properties = properties;
		this.zone = routing.zone();
	}

	Mono<String> summary(LocalDate start, LocalDate end) {
		return this.db.sql(SUMMARY)
			.bind("from", start.atStartOfDay(this.zone).toOffsetDateTime())
			.bind("to", end.plusDays(1).atStartOfDay(this.zone).toOffsetDateTime())
			.bind("fromDate", start.toString())
			.bind("toDate", end.toString())
			.bind("zone", this.zone.getId())
			.bind("minimum", this.properties.minimumCount())
			.map((row) -> row.get("summary", String.class))
			.one();
	}

}
