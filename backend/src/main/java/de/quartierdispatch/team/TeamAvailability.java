package de.quartierdispatch.team;

/**
 * Whether a team can take an incident now.
 *
 * @param teamId the team
 * @param status its status
 * @param busy whether it already has an active assignment
 * @param retired whether administrators retired it (then it is off duty for good)
 */
public record TeamAvailability(long teamId, TeamStatus status, boolean busy, boolean retired) {

	public boolean canTakeAnIncident() {
		return this.status == TeamStatus.AVAILABLE && !this.busy && !this.retired;
	}

}
