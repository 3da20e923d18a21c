package de.quartierdispatch.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a rule matches a report, and says why in words: "category NOISE, 23:10
 * is inside 22:00–06:00". Local time is Europe/Berlin (or the configured zone), so
 * windows follow the clocks people live by, across DST changes; a window across midnight
 * belongs to the day it starts on.
 */
final class RuleMatcher {

	private final ZoneId zone;

	RuleMatcher(ZoneId zone) {
		this.zone = zone;
	}

	/** The reasons the rule matches, or empty when it does not. */
	Optional<List<String>> match(RoutingRule rule, RoutingRequest request, Set<ReportFlag> flags) {
		List<String> reasons = new ArrayList<>();
		if (rule.category() != null) {
			if (!rule.category().equals(request.category())) {
				return Optional.empty();
			}
			reasons.add("category " + rule.category());
		}
		if (!rule.quarterCodes().isEmpty()) {
			Optional<String> quarter = request.quarterCodes()
				.stream()
				.filter(rule.quarterCodes()::contains)
				.findFirst();
			if (quarter.isEmpty()) {
				return Optional.empty();
			}
			reasons.add("quarter " + quarter.get());
		}
		ZonedDateTime local = request.receivedAt().atZone(this.zone);
		LocalTime time = local.toLocalTime();
		DayOfWeek day = local.getDayOfWeek();
		if (rule.timeFrom() != null && rule.timeTo() != null) {
			if (!inWindow(rule, time)) {
				return Optional.empty();
			}
			if (rule.crossesMidnight() && time.isBefore(rule.timeTo())) {
				day = day.minus(1);
			}
			reasons.add(clock(time) + " is inside " + clock(rule.timeFrom()) + "–" + clock(rule.timeTo()));
		}
		if (!rule.weekdays().isEmpty()) {
			if (!rule.weekdays().contains(day)) {
				return Optional.empty();
			}
			reasons.add(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
					+ ((rule.crossesMidnight() && time.isBefore(rule.timeTo())) ? " night" : ""));
		}
		if (!flags.containsAll(rule.requiredFlags())) {
			return Optional.empty();
		}
		if (!rule.requiredFlags().isEmpty()) {
			reasons
				.add("flag " + rule.requiredFlags().stream().map(Enum::name).sorted().collect(Collectors.joining("+")));
		}
		return Optional.of(reasons);
	}

	private static boolean inWindow(RoutingRule rule, LocalTime time) {
		if (rule.crossesMidnight()) {
			return !time.isBefore(rule.timeFrom()) || time.isBefore(rule.timeTo());
		}
		return !time.isBefore(rule.timeFrom()) && time.isBefore(rule.timeTo());
	}

	static String clock(LocalTime time) {
		return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
	}

}
