package de.quartierdispatch.intake;

import java.time.OffsetDateTime;
import java.util.List;

import de.quartierdispatch.mail.ReporterMessages.PublicMessage;
import org.jspecify.annotations.Nullable;

/**
 * What the public status page shows: progress in neutral terms, nothing personal, no
 * staff notes.
 *
 * @param trackingCode the code
 * @param status received, in progress, resolved, referred or closed
 * @param category the category code (the page shows its label)
 * @param submittedAt when the report came in
 * @param updatedAt when it last changed in a way the reporter can see (status, outcome, a
 * message to them); internal work (a note, a priority) does not count
 * @param language the reporter's language
 * @param outcome how it ended ({@code RESOLVED}, {@code REFERRED},
 * {@code NO_ACTION_POSSIBLE}, {@code NOTHING_FOUND}, {@code DUPLICATE}), once it has
 * @param referredTo for a referred report: the body it was handed to, where the reporter
 * can turn
 * @param messages the team leads' public messages to the reporters
 */
record ReportStatus(String trackingCode, Status status, String category, OffsetDateTime submittedAt,
		OffsetDateTime updatedAt, String language, @Nullable String outcome, @Nullable String referredTo,
		List<PublicMessage> messages) {

	ReportStatus withMessages(List<PublicMessage> messages) {
		return new ReportStatus(this.trackingCode, this.status, this.category, this.submittedAt, this.updatedAt,
				this.language, this.outcome, this.referredTo, List.copyOf(messages));
	}

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
