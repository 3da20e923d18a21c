package de.quartierdispatch.board;

import java.util.Collections;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One event as boards receive it, serialised once for every session that gets it.
 *
 * @param seq its sequence number
 * @param incidentId the incident it concerns, if any
 * @param teamId the team it concerns, if any
 * @param teamsOnIncident the teams working on its incident when it was read (they hear of
 * a change to their job: a priority raised, a report added)
 * @param quarterCode the incident's quarter, for team leads limited to some quarters
 * @param teamReach the codes of the quarters its team covered or worked in when it
 * happened (V112)
 * @param alarmQuarterCode the quarter of the incident the team's alarm came from ("" when
 * it lies outside every quarter), if the team is alarmed
 * @param full the message for team leads' boards (JSON)
 * @param teamOnly for an event about an incident and a team: the team's part alone, for
 * leads whose quarters the incident lies outside (they still see every team's status)
 * @param brief the message for field members: what happened and to which team, no
 * incident details
 */
record BoardMessage(long seq, @Nullable Long incidentId, @Nullable Long teamId, Set<Long> teamsOnIncident,
		@Nullable String quarterCode, Set<String> teamReach, @Nullable String alarmQuarterCode, Placed full,
		@Nullable Placed teamOnly, String brief) {

	/**
	 * The message for a lead limited to these quarters, or null when it is none of
	 * theirs: an incident only when it lies in one of them, a team's position only when
	 * the team worked in one of them (need to know). An alarm from an incident outside
	 * them comes without the incident and without the team's position, which is that
	 * incident's place while the team is on site.
	 */
	@Nullable String within(Set<String> quarterCodes) {
		boolean reached = !Collections.disjoint(this.teamReach, quarterCodes)
				&& (this.alarmQuarterCode == null || quarterCodes.contains(this.alarmQuarterCode));
		if (this.incidentId == null || quarterCodes.contains(this.quarterCode)) {
			return this.full.seen(reached);
		}
		return (this.teamOnly != null) ? this.teamOnly.seen(reached) : null;
	}

	/**
	 * A message (JSON) and, when it carries a team, the same without the team's position.
	 *
	 * @param placed the message as it is
	 * @param unplaced the message without the team's position, when it carries a team
	 */
	record Placed(String placed, @Nullable String unplaced) {

		static @Nullable Placed ofNullable(@Nullable String placed, @Nullable String unplaced) {
			return (placed != null) ? new Placed(placed, unplaced) : null;
		}

		String seen(boolean teamReached) {
			return (this.unplaced == null || teamReached) ? this.placed : this.unplaced;
		}

	}

}
