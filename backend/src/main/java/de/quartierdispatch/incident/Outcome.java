package de.quartierdispatch.incident;

import org.jspecify.annotations.Nullable;

/**
 * How an incident ended, in words that can be told to the reporter. A team lead decides
 * it (all but {@link #DUPLICATE}, which a merge sets); the board, the status page and the
 * reporter's e-mail say which.
 */
public enum Outcome {

	/** Dealt with. */
	RESOLVED(IncidentState.RESOLVED),

	/**
	 * Handed to another body, named in {@code referredTo}: where the reporter can turn.
	 */
	REFERRED(IncidentState.REFERRED),

	/** Nothing could be done; the lead gives the reason (for staff). */
	NO_ACTION_POSSIBLE(IncidentState.CLOSED),

	/**
	 * Looked into, and nothing found: as a rule by a team on site, but the reporter is
	 * not told so, as no team may have been sent (a lead who checked by other means).
	 */
	NOTHING_FOUND(IncidentState.CLOSED),

	/** Merged into another incident about the same thing. */
	DUPLICATE(IncidentState.CLOSED);

	private final IncidentState state;

	Outcome(IncidentState state) {
		this.state = state;
	}

	/** The state the incident ends in. */
	public IncidentState state() {
		return this.state;
	}

	/**
	 * The outcome a decision of older clients meant, which named only the final state:
	 * closed meant no action. A state that ends nothing (open, dispatched, on site) means
	 * no outcome.
	 */
	static @Nullable Outcome ofLegacyState(IncidentState state) {
		return switch (state) {
			case RESOLVED -> RESOLVED;
			case REFERRED -> REFERRED;
			case CLOSED -> NO_ACTION_POSSIBLE;
			default -> null;
		};
	}

}
