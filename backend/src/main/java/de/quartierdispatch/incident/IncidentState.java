package de.quartierdispatch.incident;

import java.util.Set;

/**
 * Where an incident stands. Open states need work; the others are its end.
 */
enum IncidentState {

	/** Routed, waiting for a team. */
	OPEN,

	/** At least one team is assigned. */
	DISPATCHED,

	/** A team is on site. */
	ON_SITE,

	/** Dealt with. */
	RESOLVED,

	/** Handed to another agency. */
	REFERRED,

	/** No action needed, or merged into another incident as a duplicate. */
	CLOSED;

	public static final Set<IncidentState> ACTIVE = Set.of(OPEN, DISPATCHED, ON_SITE);

	public boolean isActive() {
		return ACTIVE.contains(this);
	}

}
