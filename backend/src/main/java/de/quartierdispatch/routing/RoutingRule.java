package de.quartierdispatch.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One routing rule. Conditions left open match everything; the first rule (by position)
 * whose conditions all hold decides.
 *
 * @param id the rule
 * @param position its place in the order (lower first)
 * @param name a name for people
 * @param category the category it applies to; {@code null} for every category
 * @param quarterCodes quarters (or enclosing areas) it applies to; empty for everywhere
 * @param weekdays days it applies on (the day a night window starts); empty for every day
 * @param timeFrom start of its daily window (Europe/Berlin); {@code null} for all day
 * @param timeTo end of that window, exclusive; before {@code timeFrom} for windows across
 * midnight
 * @param requiredFlags flags a report must all carry
 * @param teamTypes team types to send (several: a mixed team)
 * @param priority 1 (highest) to 4
 * @param targetMinutes target response time
 * @param escalateToPriority priority when overdue, if it should rise
 * @param escalateAddTeamType team type to add when overdue, if any
 * @param isDefault the catch-all rule, last, never deleted
 * @param version changes so far, from 1
 */
record RoutingRule(long id, int position, String name, @Nullable String category, Set<String> quarterCodes,
		Set<DayOfWeek> weekdays, @Nullable LocalTime timeFrom, @Nullable LocalTime timeTo,
		Set<ReportFlag> requiredFlags, List<String> teamTypes, int priority, int targetMinutes,
		@Nullable Integer escalateToPriority, @Nullable String escalateAddTeamType, boolean isDefault, int version) {

	/** Whether the rule has no condition at all, so that it matches every report. */
	public boolean matchesEverything() {
		return this.category == null && this.quarterCodes.isEmpty() && this.weekdays.isEmpty() && this.timeFrom == null
				&& this.requiredFlags.isEmpty();
	}

	boolean crossesMidnight() {
		return this.timeFrom != null && this.timeTo != null && this.timeTo.isBefore(this.timeFrom);
	}

}
