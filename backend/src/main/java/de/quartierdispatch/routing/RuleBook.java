package de.quartierdispatch.routing;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import de.quartierdispatch.routing.RuleMatcher.Reason;
import org.jspecify.annotations.Nullable;

/**
 * The ordered rules and the decision they make for a report: the first matching rule
 * wins, the default rule catches the rest. Pure: no database, no clock, so every case can
 * be tested in a table.
 */
final class RuleBook {

	/** The team type added when recurring reports make a quarter a hotspot. */
	static final String HOTSPOT_TEAM_TYPE = "QUARTER_MGMT";

	private final List<RoutingRule> rules;

	private final RuleMatcher matcher;

	RuleBook(List<RoutingRule> rules, ZoneId zone) {
		this.rules = rules;
		this.matcher = new RuleMatcher(zone);
	}

	/**
	 * Routes a report.
	 * @param request the report's facts
	 * @param hotspot the recurrence found in the report's quarter, if it makes a hotspot
	 * @return the decision
	 */
	RoutingDecision decide(RoutingRequest request, @Nullable Recurrence hotspot) {
		Set<ReportFlag> flags = request.flags().isEmpty() ? EnumSet.noneOf(ReportFlag.class)
				: EnumSet.copyOf(request.flags());
		if (hotspot != null) {
			flags.add(ReportFlag.HOTSPOT);
		}
		for (RoutingRule rule : this.rules) {
			if (rule.isDefault()) {
				continue;
			}
			Optional<List<Reason>> reasons = this.matcher.match(rule, request, flags);
			if (reasons.isPresent()) {
				String why = reasons.get().stream().map(Reason::text).collect(Collectors.joining(", "));
				return decision(rule, "rule \"" + rule.name() + "\": " + why,
						reasons.get().stream().map(Reason::part).toList(), hotspot);
			}
		}
		RoutingRule fallback = this.rules.stream()
			.filter(RoutingRule::isDefault)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the default routing rule is missing"));
		return decision(fallback, "no other rule matched, default rule \"" + fallback.name() + "\"", null, hotspot);
	}

	private static RoutingDecision decision(RoutingRule rule, String why, @Nullable List<Map<String, Object>> reasons,
			@Nullable Recurrence hotspot) {
		List<String> teamTypes = new ArrayList<>(rule.teamTypes());
		String explanation = why + " → " + String.join(" + ", rule.teamTypes()) + ", P" + rule.priority() + ", "
				+ duration(rule.targetMinutes());
		if (hotspot != null) {
			explanation += "; hotspot: " + hotspot + " → " + (teamTypes.contains(HOTSPOT_TEAM_TYPE) ? "" : "+ ")
					+ HOTSPOT_TEAM_TYPE;
			if (!teamTypes.contains(HOTSPOT_TEAM_TYPE)) {
				teamTypes.add(HOTSPOT_TEAM_TYPE);
			}
		}
		Map<String, Object> parts = new LinkedHashMap<>();
		parts.put("rule", rule.name());
		parts.put("default", reasons == null);
		parts.put("reasons", (reasons != null) ? reasons : List.of());
		parts.put("teamTypes", rule.teamTypes());
		parts.put("priority", rule.priority());
		parts.put("targetMinutes", rule.targetMinutes());
		if (hotspot != null) {
			parts.put("hotspot", Map.of("reports", hotspot.reports(), "category", hotspot.category(), "quarter",
					hotspot.quarter(), "days", hotspot.days(), "teamType", HOTSPOT_TEAM_TYPE));
		}
		return new RoutingDecision(rule.id(), rule.version(), List.copyOf(teamTypes), rule.priority(),
				Duration.ofMinutes(rule.targetMinutes()), hotspot != null, explanation, rule.escalateToPriority(),
				rule.escalateAddTeamType(), parts);
	}

	static String duration(int minutes) {
		if (minutes % (24 * 60) == 0) {
			return (minutes / (24 * 60)) + " d";
		}
		if (minutes % 60 == 0) {
			return (minutes / 60) + " h";
		}
		return minutes + " min";
	}

	/**
	 * Recent reports of the same category in the same quarter.
	 *
	 * @param reports how many, counting the new one
	 * @param category the category
	 * @param quarter the quarter's name
	 * @param days the window in days
	 */
	record Recurrence(long reports, String category, String quarter, long days) {

		@Override
		public String toString() {
			return this.reports + " " + this.category + " reports in " + this.quarter + " within " + this.days
					+ " days";
		}

	}

}
