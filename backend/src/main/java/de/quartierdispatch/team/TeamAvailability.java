package de.quartierdispatch.team;

import org.jspecify.annotations.Nullable;

/**
 * Whether a team can take an incident now.
 *
 * @param teamId the team
 * @param status its status
 * @param busyWith the incident of its active assignment, if it has one
 * @param retired whether administrators retired it (then it is off duty for good)
 */
public record TeamAvailability(long teamId, TeamStatus status, @Nullable Long busyWith, boolean retired) {

	/** Whether it already has an active assignment. */
	public boolean busy() {
		return this.busyWith != null;
	}

	public boolean canTakeAnIncident() {
		return this.status == TeamStatus.AVAILABLE && !busy() && !this.retired;
	}

}
