package de.quartierdispatch.team;

/**
 * Whether a team can take an incident now.
 *
 * @param teamId the team
 * @param status its status
 * @param busy whether it already has an active assignment
 */
public record TeamAvailability(long teamId, TeamStatus status, boolean busy) {

	public boolean canTakeAnIncident() {
		return this.status == TeamStatus.AVAILABLE && !this.busy;
	}

}
