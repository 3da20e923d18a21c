package de.quartierdispatch.accessibility;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import de.quartierdispatch.system.SqlParameters;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Feedback on accessibility ({@code accessibility_feedback}) and the administrators'
 * answers.
 */
@Repository
class AccessibilityFeedback {

	private final DatabaseClient db;

	AccessibilityFeedback(DatabaseClient db) {
		this.db = db;
	}

	Mono<Long> store(String message, @Nullable String page, @Nullable String email, String language,
			OffsetDateTime at) {
		return this.db.sql("""
				INSERT INTO accessibility_feedback (message, page, email, language, created_at)
				VALUES (:message, :page, :email, :language, :at) RETURNING id
				""")
			.bind("message", message)
			.bind("page", SqlParameters.nullable(page, String.class))
			.bind("email", SqlParameters.nullable(email, String.class))
			.bind("language", language)
			.bind("at", at)
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	Flux<Entry> all() {
		return this.db.sql("""
				SELECT id, message, page, email, language, created_at, answer, answered_at
				FROM accessibility_feedback ORDER BY answered_at IS NOT NULL, created_at DESC LIMIT 500
				""").map(AccessibilityFeedback::toEntry).all();
	}

	Mono<Boolean> answer(long id, String answer, String by, OffsetDateTime at) {
		return this.db.sql("""
				UPDATE accessibility_feedback SET answer = :answer, answered_by = :by, answered_at = :at WHERE id = :id
				""")
			.bind("id", id)
			.bind("answer", answer)
			.bind("by", by)
			.bind("at", at)
			.fetch()
			.rowsUpdated()
			.map((n) -> n > 0);
	}

	private static Entry toEntry(Readable row) {
		OffsetDateTime answeredAt = row.get("answered_at", OffsetDateTime.class);
		return new Entry(row.get("id", Long.class), row.get("message", String.class), row.get("page", String.class),
				row.get("email", String.class), row.get("language", String.class),
				row.get("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
				row.get("answer", String.class),
				(answeredAt != null) ? answeredAt.withOffsetSameInstant(ZoneOffset.UTC) : null);
	}

	/**
	 * One piece of feedback as administrators see it.
	 *
	 * @param id its id
	 * @param message what the person wrote
	 * @param page the page it is about
	 * @param email where the answer can go, if given
	 * @param language the person's language
	 * @param receivedAt when it came in
	 * @param answer the administrators' answer
	 * @param answeredAt when they answered
	 */
	record Entry(long id, String message, @Nullable String page, @Nullable String email, String language,
			OffsetDateTime receivedAt, @Nullable String answer, @Nullable OffsetDateTime answeredAt) {
	}

}
