package de.quartierdispatch.intake;

import java.time.OffsetDateTime;

/**
 * What the public status page shows: progress in neutral terms, nothing personal, no
 * staff notes.
 *
 * @param trackingCode the code
 * @param status received, in progress, resolved, referred or closed
 * @param category the category code (the page shows its label)
 * @param submittedAt when the report came in
 * @param updatedAt when its incident last moved on
 * @param language the reporter's language
 */
public record ReportStatus(String trackingCode, Status status, String category, OffsetDateTime submittedAt,
		OffsetDateTime updatedAt, String language) {

	/**
	 * Progress as the public sees it.
	 */
	public enum Status {

		/** Received, waiting for a team. */
		RECEIVED,

		/** A team is on its way or on site. */
		IN_PROGRESS,

		/** Dealt with. */
		RESOLVED,

		/** Handed to the agency responsible. */
		REFERRED,

		/** Closed: no action was needed. */
		CLOSED

	}

}
