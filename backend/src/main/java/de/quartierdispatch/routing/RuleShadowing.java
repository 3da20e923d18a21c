package de.quartierdispatch.routing;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds rules that can never match because an earlier rule matches every report they
 * would. An earlier rule covers a later one when, condition by condition, it is at least
 * as general: same or any category, a superset of quarters (or all), a subset of required
 * flags, and a time window (with weekdays) that contains the later one's. Quarters are
 * compared by code, so a rule for a district and a later one for a quarter inside it are
 * not recognised as overlapping: the check never calls a reachable rule unreachable, but
 * may miss such a case.
 */
final class RuleShadowing {

	private static final int DAY = 24 * 60;

	private RuleShadowing() {
	}

	/** The first earlier rule that covers {@code rule}, if any. */
	static Optional<RoutingRule> coveredBy(RoutingRule rule, List<RoutingRule> earlier) {
		if (rule.isDefault()) {
			return Optional.empty();
		}
		return earlier.stream().filter((candidate) -> !candidate.isDefault() && covers(candidate, rule)).findFirst();
	}

	static boolean covers(RoutingRule general, RoutingRule specific) {
		return coversCategory(general, specific) && coversQuarters(general, specific)
				&& specific.requiredFlags().containsAll(general.requiredFlags()) && coversTime(general, specific);
	}

	private static boolean coversCategory(RoutingRule general, RoutingRule specific) {
		return general.category() == null || general.category().equals(specific.category());
	}

	private static boolean coversQuarters(RoutingRule general, RoutingRule specific) {
		return general.quarterCodes().isEmpty()
				|| (!specific.quarterCodes().isEmpty() && general.quarterCodes().containsAll(specific.quarterCodes()));
	}

	private static boolean coversTime(RoutingRule general, RoutingRule specific) {
		if (halfAWindow(general) || halfAWindow(specific)) {
			// Refused by the rule checks (a window needs both ends): nothing to compare.
			return false;
		}
		if (general.timeFrom() == null) {
			if (general.weekdays().isEmpty()) {
				return true;
			}
			// An all-day rule's weekday is the calendar day; a night window's is the day
			// it starts.
			return specific.timeFrom() == null && !specific.crossesMidnight() && !specific.weekdays().isEmpty()
					&& general.weekdays().containsAll(specific.weekdays());
		}
		if (specific.timeFrom() == null) {
			return false;
		}
		boolean daysCovered = general.weekdays().isEmpty()
				|| (!specific.weekdays().isEmpty() && general.weekdays().containsAll(specific.weekdays()));
		return daysCovered && windowContains(general, specific);
	}

	private static boolean halfAWindow(RoutingRule rule) {
		return (rule.timeFrom() == null) != (rule.timeTo() == null);
	}

	private static boolean windowContains(RoutingRule general, RoutingRule specific) {
		List<int[]> outer = minutes(general.timeFrom(), general.timeTo());
		for (int[] part : minutes(specific.timeFrom(), specific.timeTo())) {
			if (outer.stream().noneMatch((range) -> range[0] <= part[0] && part[1] <= range[1])) {
				return false;
			}
		}
		return true;
	}

	/** A window as minute ranges within one day; one across midnight is two. */
	private static List<int[]> minutes(LocalTime from, LocalTime to) {
		int start = from.getHour() * 60 + from.getMinute();
		int end = to.getHour() * 60 + to.getMinute();
		List<int[]> ranges = new ArrayList<>(2);
		if (start < end) {
			ranges.add(new int[] { start, end });
		}
		else {
			ranges.add(new int[] { start, DAY });
			ranges.add(new int[] { 0, end });
		}
		return ranges;
	}

}
