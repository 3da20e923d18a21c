package de.quartierdispatch.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
	Optional<List<Reason>> match(RoutingRule rule, RoutingRequest request, Set<ReportFlag> flags) {
		List<Reason> reasons = new ArrayList<>();
		if (rule.category() != null) {
			if (!rule.category().equals(request.category())) {
				return Optional.empty();
			}
			reasons.add(
					new Reason("category " + rule.category(), Map.of("kind", "category", "category", rule.category())));
		}
		if (!rule.quarterCodes().isEmpty()) {
			Optional<String> quarter = request.quarterCodes()
				.stream()
				.filter(rule.quarterCodes()::contains)
				.findFirst();
			if (quarter.isEmpty()) {
				return Optional.empty();
			}
			reasons.add(new Reason("quarter " + quarter.get(), Map.of("kind", "quarter", "quarter", quarter.get())));
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
			reasons.add(new Reason(clock(time) + " is inside " + clock(rule.timeFrom()) + "–" + clock(rule.timeTo()),
					Map.of("kind", "time", "at", clock(time), "from", clock(rule.timeFrom()), "to",
							clock(rule.timeTo()))));
		}
		if (!rule.weekdays().isEmpty()) {
			if (!rule.weekdays().contains(day)) {
				return Optional.empty();
			}
			boolean night = rule.crossesMidnight() && time.isBefore(rule.timeTo());
			reasons.add(new Reason(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + (night ? " night" : ""),
					Map.of("kind", "weekday", "day", day.name(), "night", night)));
		}
		if (!flags.containsAll(rule.requiredFlags())) {
			return Optional.empty();
		}
		if (!rule.requiredFlags().isEmpty()) {
			List<String> required = rule.requiredFlags().stream().map(Enum::name).sorted().toList();
			reasons.add(new Reason("flag " + String.join("+", required), Map.of("kind", "flags", "flags", required)));
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

	/**
	 * Why a rule matches, in English words (kept with the incident) and as parts a page
	 * puts into the reader's language.
	 *
	 * @param text e.g. "category NOISE"
	 * @param part e.g. {@code {kind: category, category: NOISE}}
	 */
	record Reason(String text, Map<String, Object> part) {
	}

}
