package de.quartierdispatch.incident;

import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.team.TeamAvailability;

import org.springframework.http.HttpStatus;

/**
 * The refusals of the incident lifecycle. Each names the current state, so that the team
 * lead who lost a race sees at once what happened.
 */
final class LifecycleProblems {

	private LifecycleProblems() {
	}

	/** No such incident (or assignment). */
	static class NotFoundException extends ProblemException {

		NotFoundException() {
			super(HttpStatus.NOT_FOUND, "incident-not-found");
		}

	}

	/** Someone else changed the incident since it was read. */
	static class IncidentChangedException extends ProblemException {

		IncidentChangedException(IncidentRow current) {
			super(HttpStatus.CONFLICT, "incident-changed", named("state.incident", current.state()));
			property("currentState", current.state());
			property("currentVersion", current.version());
		}

	}

	/**
	 * A change only an active incident takes (its priority, a merge) asked of one that
	 * has ended, or a merge into one that has.
	 */
	static final class IncidentEndedException extends ProblemException {

		private IncidentEndedException(String code, IncidentState current) {
			super(HttpStatus.CONFLICT, code, named("state.incident", current));
			property("currentState", current.name());
		}

		static IncidentEndedException of(IncidentState current) {
			return new IncidentEndedException("incident-ended", current);
		}

		static IncidentEndedException asMergeTarget(IncidentState current) {
			return new IncidentEndedException("merge-target-ended", current);
		}

	}

	/** A step the lifecycle does not allow from the current state. */
	static class IllegalTransitionException extends ProblemException {

		IllegalTransitionException(Enum<?> current, Enum<?> requested) {
			super(HttpStatus.CONFLICT, "illegal-transition", named(kind(current), current),
					named(kind(current), requested));
			property("currentState", current.name());
		}

		private static String kind(Enum<?> state) {
			return (state instanceof AssignmentState) ? "state.assignment" : "state.incident";
		}

	}

	/** Someone else moved the assignment on since it was read. */
	static class AssignmentChangedException extends ProblemException {

		AssignmentChangedException(AssignmentRow current) {
			super(HttpStatus.CONFLICT, "assignment-changed", named("state.assignment", current.state()));
			property("currentState", current.state());
			property("currentVersion", current.version());
		}

	}

	/** The team is on another incident, on a break or off duty. */
	static class TeamUnavailableException extends ProblemException {

		TeamUnavailableException(String status) {
			super(HttpStatus.CONFLICT, "team-unavailable", named("state.team", status));
			property("teamStatus", status);
		}

		private TeamUnavailableException() {
			super(HttpStatus.CONFLICT, "team-already-assigned");
			property("teamStatus", "ASSIGNED");
		}

		/** Busy with this very incident, busy elsewhere, or not available. */
		static TeamUnavailableException of(TeamAvailability team, long incidentId) {
			if (Long.valueOf(incidentId).equals(team.busyWith())) {
				return new TeamUnavailableException();
			}
			return new TeamUnavailableException(team.busy() ? "ASSIGNED" : team.status().name());
		}

	}

	/** The incident lies outside the quarters this team lead works in. */
	static class OutsideScopeException extends ProblemException {

		OutsideScopeException() {
			super(HttpStatus.FORBIDDEN, "incident-outside-scope");
		}

	}

	/** A field member acting on another team's assignment. */
	static class NotYourTeamException extends ProblemException {

		NotYourTeamException() {
			super(HttpStatus.FORBIDDEN, "not-your-team");
		}

	}

	/**
	 * A team on an incident is en route or on site; a break waits until the job is done.
	 */
	static class StatusFollowsAssignmentsException extends ProblemException {

		StatusFollowsAssignmentsException() {
			super(HttpStatus.CONFLICT, "status-follows-assignments");
		}

	}

	/** The member's team was retired: it goes on duty no more. */
	static class TeamRetiredException extends ProblemException {

		TeamRetiredException() {
			super(HttpStatus.CONFLICT, "team-retired");
		}

	}

	/** No team has this id. */
	static class TeamNotFoundException extends ProblemException {

		TeamNotFoundException() {
			super(HttpStatus.NOT_FOUND, "team-not-found");
		}

	}

	/** A lead ends a team's alarm; the team has none (any more). */
	static class NoAlarmException extends ProblemException {

		NoAlarmException() {
			super(HttpStatus.CONFLICT, "no-alarm");
		}

	}

	/** Check-in and "need help" belong to a team on site; this team is not. */
	static class NoCheckInException extends ProblemException {

		NoCheckInException() {
			super(HttpStatus.CONFLICT, "no-check-in");
		}

	}

}
