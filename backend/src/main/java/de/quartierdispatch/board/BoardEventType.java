package de.quartierdispatch.board;

/**
 * What happened, as a board hears it.
 */
public enum BoardEventType {

	/** A new report opened an incident. */
	INCIDENT_OPENED,

	/** A report joined an existing incident (a neighbour reporting the same thing). */
	REPORT_ATTACHED,

	/** The incident's state changed (resolved, referred, closed, reopened, on site). */
	INCIDENT_STATE_CHANGED,

	/** A team was assigned to the incident. */
	TEAM_ASSIGNED,

	/** An assignment moved on (en route, on site, done, declined). */
	ASSIGNMENT_CHANGED,

	/** A team lead changed the priority. */
	PRIORITY_CHANGED,

	/**
	 * A note was added (the text is read from the incident, not carried by the event).
	 */
	NOTE_ADDED,

	/** The incident was merged into another as a duplicate. */
	INCIDENT_MERGED,

	/** Recurring reports made the quarter a hotspot for this category. */
	HOTSPOT_FLAGGED,

	/**
	 * The target time passed with no team on site: priority raised and/or a team type
	 * added.
	 */
	INCIDENT_ESCALATED,

	/** A team's status or position changed. */
	TEAM_STATUS_CHANGED,

	/**
	 * An administrator added a team or changed its name, team type, languages or
	 * quarters.
	 */
	TEAM_CHANGED,

	/**
	 * A team on site needs attention now: its check-in timer ran out unanswered, or a
	 * member pressed "need help". The team's summary carries the alarm until it ends.
	 */
	TEAM_ALARM

}
