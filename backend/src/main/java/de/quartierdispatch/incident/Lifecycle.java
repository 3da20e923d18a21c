package de.quartierdispatch.incident;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The rules of the incident lifecycle, in one place and free of I/O.
 *
 * <pre>
 * incident:   OPEN ──assign──▶ DISPATCHED ──team on site──▶ ON_SITE
 *               │  ◀─all declined─┘  │                        │
 *               └──▶ REFERRED | CLOSED ◀──────┴──▶ RESOLVED ◀──┘
 * assignment: ASSIGNED ──▶ EN_ROUTE ──▶ ON_SITE ──▶ DONE
 *                 └──────────┴──▶ DECLINED
 * </pre>
 *
 * DISPATCHED and ON_SITE follow from the assignments; a team lead decides the end:
 * resolved, referred (to another agency) or closed (no action needed).
 */
final class Lifecycle {

	private static final Map<IncidentState, Set<IncidentState>> DECIDED_BY_LEAD = Map.of(IncidentState.OPEN,
			EnumSet.of(IncidentState.REFERRED, IncidentState.CLOSED), IncidentState.DISPATCHED,
			EnumSet.of(IncidentState.RESOLVED, IncidentState.REFERRED, IncidentState.CLOSED), IncidentState.ON_SITE,
			EnumSet.of(IncidentState.RESOLVED, IncidentState.REFERRED, IncidentState.CLOSED));

	private static final Map<AssignmentState, Set<AssignmentState>> ASSIGNMENT_STEPS = Map.of(AssignmentState.ASSIGNED,
			EnumSet.of(AssignmentState.EN_ROUTE, AssignmentState.ON_SITE, AssignmentState.DECLINED),
			AssignmentState.EN_ROUTE, EnumSet.of(AssignmentState.ON_SITE, AssignmentState.DECLINED),
			AssignmentState.ON_SITE, EnumSet.of(AssignmentState.DONE));

	private Lifecycle() {
	}

	/** Whether a team lead may move an incident from one state to another. */
	static boolean leadMay(IncidentState from, IncidentState to) {
		return DECIDED_BY_LEAD.getOrDefault(from, Set.of()).contains(to);
	}

	static boolean assignmentMay(AssignmentState from, AssignmentState to) {
		return ASSIGNMENT_STEPS.getOrDefault(from, Set.of()).contains(to);
	}

	/** Whether a team can be assigned to an incident in this state. */
	static boolean acceptsTeams(IncidentState state) {
		return state.isActive();
	}

	/**
	 * The state an active incident takes from its assignments, where that is unambiguous:
	 * on site as soon as one team is, dispatched while any team is assigned or on its
	 * way, open again when every team declined. Once a team has finished, the state stays
	 * until a lead decides the outcome.
	 */
	/**
	 * The state an incident is in again when its decision is taken back, from all its
	 * jobs as they are then: a team that had finished had been on site, and the incident
	 * waited for the lead's decision there.
	 */
	static IncidentState beforeTheDecision(Collection<AssignmentState> assignments) {
		IncidentState waiting = assignments.contains(AssignmentState.DONE) ? IncidentState.ON_SITE : IncidentState.OPEN;
		return followAssignments(waiting, assignments);
	}

	static IncidentState followAssignments(IncidentState current, Collection<AssignmentState> assignments) {
		if (!current.isActive()) {
			return current;
		}
		if (assignments.contains(AssignmentState.ON_SITE)) {
			return IncidentState.ON_SITE;
		}
		if (assignments.stream().anyMatch(AssignmentState::isActive)) {
			return (current == IncidentState.ON_SITE) ? IncidentState.ON_SITE : IncidentState.DISPATCHED;
		}
		if (assignments.contains(AssignmentState.DONE)) {
			return current;
		}
		return IncidentState.OPEN;
	}

}
