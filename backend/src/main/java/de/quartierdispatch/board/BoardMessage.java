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
 * @param teamReach the codes of the quarters its team covers or works in now (V111)
 * @param full the message for team leads' boards (JSON)
 * @param unplaced the full message without the team's position, when it carries a team
 * @param brief the message for field members: what happened and to which team, no
 * incident details
 */
record BoardMessage(long seq, @Nullable Long incidentId, @Nullable Long teamId, Set<Long> teamsOnIncident,
		@Nullable String quarterCode, Set<String> teamReach, String full, @Nullable String unplaced, String brief) {

	/**
	 * The full message for a lead limited to these quarters: a team's position only when
	 * the team works in one of them (need to know).
	 */
	String fullWithin(Set<String> quarterCodes) {
		return (this.unplaced == null || !Collections.disjoint(this.teamReach, quarterCodes)) ? this.full
				: this.unplaced;
	}

}
