package de.quartierdispatch.privacy;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * A lead's message to the reporters of a case written after the case was erased: the
 * erasure removed the messages there were then (V82), and a case erased while still open
 * takes messages until it closes (V117). Those go at the next retention run. (Here rather
 * than in mail: privacy uses intake, and intake uses mail, so mail cannot use privacy.)
 */
@Component
class ErasedCaseMessagesRetention implements RetentionStep {

	private static final String ERASE_LATE_MESSAGES = """
			DELETE FROM reporter_message m USING incident i
			WHERE m.incident_id = i.id AND i.redacted_at IS NOT NULL
			""";

	private final DatabaseClient db;

	ErasedCaseMessagesRetention(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Map<String, Long>> removeLapsed(RetentionCutoffs cutoffs) {
		return this.db.sql(ERASE_LATE_MESSAGES)
			.fetch()
			.rowsUpdated()
			.map((messages) -> Map.of("messagesOfErasedCasesDeleted", messages));
	}

}
