package de.quartierdispatch.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A rule as an administrator writes it.
 *
 * @param name a name for people
 * @param category the category it applies to, or none for every category
 * @param quarterCodes quarters (or enclosing areas) it applies to; empty for everywhere
 * @param weekdays days it applies on; empty for every day
 * @param timeFrom start of its daily window, e.g. {@code 22:00}
 * @param timeTo end of the window, e.g. {@code 06:00} (earlier than the start: across
 * midnight)
 * @param requiredFlags flags a report must carry
 * @param teamTypes team types to send
 * @param priority 1 (highest) to 4
 * @param targetMinutes target response time in minutes
 * @param escalateToPriority priority once overdue
 * @param escalateAddTeamType team type to add once overdue
 * @param position where to put it, in the positions rules are read with (they are tried
 * in ascending position): before the first other rule at this position or after, so a
 * rule sent back as read keeps its place and 1 puts it first; last (before the default
 * rule) when absent. Positions are renumbered in steps of 10 after each change
 * @param version the version being changed (updates only)
 */
record RuleRequest(@NotBlank @Size(max = 120) String name, @Nullable @Size(max = 32) String category,
		@Nullable Set<String> quarterCodes, @Nullable Set<DayOfWeek> weekdays, @Nullable LocalTime timeFrom,
		@Nullable LocalTime timeTo, @Nullable Set<ReportFlag> requiredFlags, @NotNull List<String> teamTypes,
		@Min(1) @Max(4) int priority, @Min(1) @Max(60 * 24 * 30) int targetMinutes,
		@Nullable @Min(1) @Max(4) Integer escalateToPriority, @Nullable String escalateAddTeamType,
		@Nullable Integer position, @Nullable Integer version) {
}
