package de.quartierdispatch.incident;

/** Why a report may not join an incident (see {@link Incidents#attachReport}). */
public enum JoinRefusal {

	/** The incident does not exist (or no longer: its data was erased). */
	UNKNOWN,

	/** The incident is no longer open. */
	NOT_OPEN,

	/** The incident lies outside the quarters of whoever enters the report. */
	OUTSIDE_REMIT,

	/** The incident is of another category, or too far from the report's place. */
	ELSEWHERE

}
