package de.quartierdispatch.incident;

import java.util.Set;

/**
 * Where one team's assignment to an incident stands.
 */
enum AssignmentState {

	/** The team lead assigned the team. */
	ASSIGNED,

	/** The team is on its way. */
	EN_ROUTE,

	/** The team is there. */
	ON_SITE,

	/** The team's part is done. */
	DONE,

	/** The team could not take it (with a reason). */
	DECLINED,

	/**
	 * A lead ended the incident before the team got there: called off, not done (undoing
	 * the decision gives the job back).
	 */
	WITHDRAWN;

	public static final Set<AssignmentState> ACTIVE = Set.of(ASSIGNED, EN_ROUTE, ON_SITE);

	public boolean isActive() {
		return ACTIVE.contains(this);
	}

}
