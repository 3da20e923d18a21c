package de.quartierdispatch.mail;

import org.jspecify.annotations.Nullable;

/**
 * A claimed message with what it takes to write it; the address is read at claiming time
 * from the reporter's contact details and is absent once they were erased.
 *
 * @param id the outbox row
 * @param kind confirmation, taken up, outcome, message, reopened
 * @param attempts attempts so far, this one included
 * @param trackingCode the report's tracking code
 * @param language the language the reporter used
 * @param email where to send it (absent: erased, the message is dropped)
 * @param stopToken the key of the stop link
 * @param stopped whether the reporter stopped mail
 * @param outcome for an outcome: which
 * @param referredTo for a referral: where to turn
 * @param message for a lead's public message: its text
 */
record OutboxMessage(long id, String kind, int attempts, String trackingCode, String language, @Nullable String email,
		String stopToken, boolean stopped, @Nullable String outcome, @Nullable String referredTo,
		@Nullable String message) {
}
