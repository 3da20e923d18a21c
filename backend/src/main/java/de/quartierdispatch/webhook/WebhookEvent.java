package de.quartierdispatch.webhook;

/**
 * The events a subscriber can ask for (the board events about incidents; team positions
 * and statuses stay inside).
 */
enum WebhookEvent {

	/** A new report opened an incident. */
	INCIDENT_OPENED,

	/** A further report joined an incident. */
	REPORT_ATTACHED,

	/** A decision or state change: resolved, referred, closed, on site. */
	INCIDENT_STATE_CHANGED,

	/** A decision: merged into another incident as a duplicate. */
	INCIDENT_MERGED,

	/** The target time passed and the incident was escalated. */
	INCIDENT_ESCALATED,

	/** A team was assigned. */
	TEAM_ASSIGNED,

	/** A team lead changed the priority. */
	PRIORITY_CHANGED

}
