package de.quartierdispatch.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.InvalidFieldsException.InvalidField;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Whether a rule may join the rule book: complete, its references known, and every rule
 * still reachable in the new order.
 */
@Component
class RuleChecks {

	private static final String REFERENCES = """
			SELECT (SELECT coalesce(array_agg(code), '{}') FROM report_category WHERE code = ANY(:categories)) AS categories,
			       (SELECT coalesce(array_agg(code), '{}') FROM quarter WHERE code = ANY(:quarters)) AS quarters,
			       (SELECT coalesce(array_agg(code), '{}') FROM team_type WHERE code = ANY(:teamTypes)) AS team_types,
			       (SELECT coalesce(array_agg(code), '{}') FROM team_type
			        WHERE code = ANY(:teamTypes) AND voluntary) AS voluntary_team_types
			""";

	/** What street work and outreach must never be sent to alone: aggression, threats. */
	static final String HIGH_RISK_CATEGORY = "AGGRESSION";

	private final DatabaseClient db;

	RuleChecks(DatabaseClient db) {
		this.db = db;
	}

	Mono<Void> check(RoutingRule rule, List<RoutingRule> ordered) {
		List<InvalidField> invalid = new ArrayList<>();
		if (rule.teamTypes().isEmpty()) {
			invalid.add(new InvalidField("teamTypes", "rule.team-types-empty"));
		}
		if ((rule.timeFrom() == null) != (rule.timeTo() == null)) {
			invalid.add(new InvalidField("timeTo", "rule.window-incomplete"));
		}
		else if (rule.timeFrom() != null && rule.timeFrom().equals(rule.timeTo())) {
			invalid.add(new InvalidField("timeTo", "rule.window-empty"));
		}
		if (rule.escalateToPriority() != null && rule.escalateToPriority() >= rule.priority()) {
			invalid.add(new InvalidField("escalateToPriority", "rule.escalation-not-higher", rule.priority()));
		}
		if (!rule.isDefault() && rule.matchesEverything()) {
			invalid.add(new InvalidField("category", "rule.matches-everything"));
		}
		return checkReferences(rule, invalid).then(Mono.defer(() -> {
			if (!invalid.isEmpty()) {
				return Mono.error(new InvalidFieldsException(invalid));
			}
			return checkOrder(ordered);
		}));
	}

	private Mono<Void> checkReferences(RoutingRule rule, List<InvalidField> invalid) {
		List<String> teamTypes = new ArrayList<>(rule.teamTypes());
		if (rule.escalateAddTeamType() != null) {
			teamTypes.add(rule.escalateAddTeamType());
		}
		return this.db.sql(REFERENCES)
			.bind("categories", (rule.category() != null) ? new String[] { rule.category() } : new String[0])
			.bind("quarters", rule.quarterCodes().toArray(String[]::new))
			.bind("teamTypes", teamTypes.toArray(String[]::new))
			.map((row) -> {
				Set<String> categories = Set.of(row.get("categories", String[].class));
				Set<String> quarters = Set.of(row.get("quarters", String[].class));
				Set<String> types = Set.of(row.get("team_types", String[].class));
				if (rule.category() != null && !categories.contains(rule.category())) {
					invalid.add(new InvalidField("category", "rule.unknown-category", rule.category()));
				}
				unknown(rule.quarterCodes(), quarters)
					.ifPresent((code) -> invalid.add(new InvalidField("quarterCodes", "rule.unknown-quarter", code)));
				unknown(rule.teamTypes(), types)
					.ifPresent((code) -> invalid.add(new InvalidField("teamTypes", "rule.unknown-team-type", code)));
				Set<String> voluntary = Set.of(row.get("voluntary_team_types", String[].class));
				if (sendsHighRisk(rule) && !rule.teamTypes().isEmpty() && voluntary.containsAll(rule.teamTypes())) {
					invalid.add(new InvalidField("teamTypes", "rule.high-risk-to-voluntary-team"));
				}
				if (rule.escalateAddTeamType() != null && !types.contains(rule.escalateAddTeamType())) {
					invalid.add(new InvalidField("escalateAddTeamType", "rule.unknown-team-type",
							rule.escalateAddTeamType()));
				}
				return invalid;
			})
			.one()
			.then();
	}

	/**
	 * Whether the rule sends aggression or threats: their category, or reports flagged
	 * so.
	 */
	private static boolean sendsHighRisk(RoutingRule rule) {
		return HIGH_RISK_CATEGORY.equals(rule.category()) || rule.requiredFlags().contains(ReportFlag.AGGRESSION);
	}

	private static Optional<String> unknown(Collection<String> given, Set<String> known) {
		return given.stream().filter((code) -> !known.contains(code)).sorted().findFirst();
	}

	/**
	 * Every rule must stay reachable: refuse an order in which an earlier rule covers a
	 * later one.
	 */
	static Mono<Void> checkOrder(List<RoutingRule> ordered) {
		for (int i = 0; i < ordered.size(); i++) {
			RoutingRule rule = ordered.get(i);
			Optional<RoutingRule> cover = RuleShadowing.coveredBy(rule, ordered.subList(0, i));
			if (cover.isPresent()) {
				return Mono
					.error(new InvalidFieldsException("position", "rule.unreachable", rule.name(), cover.get().name()));
			}
		}
		return Mono.empty();
	}

}
