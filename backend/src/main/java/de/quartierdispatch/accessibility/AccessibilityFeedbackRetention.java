package de.quartierdispatch.accessibility;

import java.time.OffsetDateTime;
import java.util.Map;

import de.quartierdispatch.privacy.RetentionCutoffs;
import de.quartierdispatch.privacy.RetentionStep;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Retention of accessibility feedback, with the periods of reports: the sender's e-mail
 * address goes once the answer is a contact period old (or, never answered, after the
 * text period), the whole message a text period after its answer (or its arrival).
 */
@Component
class AccessibilityFeedbackRetention implements RetentionStep {

	private static final String ERASE_ADDRESSES = """
			UPDATE accessibility_feedback SET email = NULL
			WHERE email IS NOT NULL AND (answered_at <= :contacts OR created_at <= :texts)
			""";

	private static final String DELETE_MESSAGES = """
			DELETE FROM accessibility_feedback WHERE coalesce(answered_at, created_at) <= :texts
			""";

	private final DatabaseClient db;

	AccessibilityFeedbackRetention(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Map<String, Long>> removeLapsed(RetentionCutoffs cutoffs) {
		OffsetDateTime contacts = cutoffs.contactsCutoff();
		OffsetDateTime texts = cutoffs.textsCutoff();
		// One after the other: the statements share the transaction's connection.
		return this.db.sql(ERASE_ADDRESSES)
			.bind("contacts", contacts)
			.bind("texts", texts)
			.fetch()
			.rowsUpdated()
			.flatMap((addresses) -> this.db.sql(DELETE_MESSAGES)
				.bind("texts", texts)
				.fetch()
				.rowsUpdated()
				.map((messages) -> Map.of("feedbackAddressesErased", addresses, "feedbackDeleted", messages)));
	}

}
