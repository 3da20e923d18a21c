package de.quartierdispatch.incident;

import java.time.Duration;
import java.time.OffsetDateTime;

import de.quartierdispatch.system.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code Idempotency-Key}s of field steps: a step the app sends again (queued
 * offline, or a retry on a flaky connection) is applied once. Claimed inside the step's
 * transaction: a concurrent retry with the same key waits for the first to commit and
 * then finds the key taken; if the first rolled back, the retry applies the step.
 */
@Repository
class FieldStepKeys {

	private static final Duration KEPT = Duration.ofDays(2);

	private final DatabaseClient db;

	FieldStepKeys(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * Claims the key for the assignment. True if this is the step's first arrival, false
	 * if it was applied before.
	 */
	Mono<Boolean> claim(String key, long assignmentId, OffsetDateTime now) {
		Mono<Long> pruned = this.db.sql("DELETE FROM field_step_key WHERE created_at < :before")
			.bind("before", now.minus(KEPT))
			.fetch()
			.rowsUpdated();
		Mono<Boolean> inserted = this.db.sql("""
				INSERT INTO field_step_key (key, assignment_id, created_at) VALUES (:key, :assignment, :at)
				ON CONFLICT (key) DO NOTHING
				""")
			.bind("key", key)
			.bind("assignment", assignmentId)
			.bind("at", now)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
		return pruned.then(inserted).flatMap((first) -> first ? Mono.just(true) : sameAssignment(key, assignmentId));
	}

	private Mono<Boolean> sameAssignment(String key, long assignmentId) {
		return this.db.sql("SELECT assignment_id FROM field_step_key WHERE key = :key")
			.bind("key", key)
			.map((row) -> row.get("assignment_id", Long.class))
			.one()
			.flatMap((owner) -> (owner == assignmentId) ? Mono.just(false) : Mono.error(new StepKeyReusedException()));
	}

	/** The key was used before for a step of another assignment. */
	static class StepKeyReusedException extends ProblemException {

		StepKeyReusedException() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused");
		}

	}

}
