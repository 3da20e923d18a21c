package de.quartierdispatch.routing;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Whether aggression and threats still reach a team that is not voluntary. The rule
 * editor refuses a rule that sends them to voluntary team types alone; this is the same
 * check from the other side, for when a team type becomes voluntary under existing rules.
 */
@Component
public class HighRiskCover {

	private static final String UNCOVERED = """
			SELECT r.name FROM routing_rule r
			WHERE (r.category_code = :category OR :flag = ANY (r.required_flags))
			  AND r.team_types <> '{}'
			  AND NOT EXISTS (SELECT 1 FROM team_type t WHERE t.code = ANY (r.team_types) AND NOT t.voluntary)
			ORDER BY r.position, r.id
			LIMIT 1
			FOR SHARE OF r
			""";

	private final DatabaseClient db;

	HighRiskCover(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The first rule that, as the team types stand now, sends aggression or threats to
	 * voluntary team types alone; empty if there is none. Its rows stay locked until the
	 * caller's transaction ends, so the rule cannot change in between.
	 * @return the rule's name
	 */
	public Mono<String> firstUncoveredRule() {
		return this.db.sql(UNCOVERED)
			.bind("category", RuleChecks.HIGH_RISK_CATEGORY)
			.bind("flag", ReportFlag.AGGRESSION.name())
			.map((row) -> row.get("name", String.class))
			.first();
	}

}
