package de.quartierdispatch.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Who should go, how urgently, and why.
 *
 * @param ruleId the rule that matched
 * @param ruleVersion that rule's version at the time
 * @param teamTypes the team types needed (a mixed team when several)
 * @param priority 1 (highest) to 4
 * @param target the target response time
 * @param hotspot whether recurring reports made the quarter a hotspot for this category
 * @param explanation why, in words a team lead reads on the board
 * @param escalateToPriority the priority once overdue, if the rule raises it
 * @param escalateAddTeamType the team type to add once overdue, if the rule adds one
 * @param explanationParts the explanation in parts (rule, reasons, team types, priority,
 * target minutes, hotspot) that a page puts into the reader's language
 */
public record RoutingDecision(long ruleId, int ruleVersion, List<String> teamTypes, int priority, Duration target,
		boolean hotspot, String explanation, @Nullable Integer escalateToPriority, @Nullable String escalateAddTeamType,
		Map<String, Object> explanationParts) {

	public Instant deadline(Instant receivedAt) {
		return receivedAt.plus(this.target);
	}

}
