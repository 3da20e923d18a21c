package de.quartierdispatch.incident;

import java.time.Duration;
import java.time.OffsetDateTime;

import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.system.Sha256;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code Idempotency-Key}s of field steps: a step the app sends again (queued
 * offline, or a retry on a flaky connection) is applied once. Claimed inside the step's
 * transaction: a concurrent retry with the same key waits for the first to commit and
 * then finds the key taken; if the first rolled back, the retry applies the step. A key
 * comes back only with its own step: under another step or assignment it is refused.
 */
@Repository
class FieldStepKeys {

	private static final Duration KEPT = Duration.ofDays(2);

	private final DatabaseClient db;

	private final JsonMapper json;

	FieldStepKeys(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Claims the key for the assignment's step. True if this is the step's first arrival,
	 * false if it was applied before.
	 */
	Mono<Boolean> claim(String key, long assignmentId, Object step, OffsetDateTime now) {
		byte[] fingerprint = Sha256.of(this.json.writeValueAsBytes(step));
		Mono<Long> pruned = this.db.sql("DELETE FROM field_step_key WHERE created_at < :before")
			.bind("before", now.minus(KEPT))
			.fetch()
			.rowsUpdated();
		Mono<Boolean> inserted = this.db.sql("""
				INSERT INTO field_step_key (key, assignment_id, request_hash, created_at)
				VALUES (:key, :assignment, :hash, :at)
				ON CONFLICT (key) DO NOTHING
				""")
			.bind("key", key)
			.bind("assignment", assignmentId)
			.bind("hash", fingerprint)
			.bind("at", now)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
		return pruned.then(inserted)
			.flatMap((first) -> first ? Mono.just(true) : sameStep(key, assignmentId, fingerprint));
	}

	/** False (applied before) for the same step; an error for a reused key. */
	private Mono<Boolean> sameStep(String key, long assignmentId, byte[] fingerprint) {
		return this.db.sql("""
				SELECT assignment_id = :assignment AND coalesce(request_hash = :hash, true) AS same
				FROM field_step_key WHERE key = :key
				""")
			.bind("key", key)
			.bind("assignment", assignmentId)
			.bind("hash", fingerprint)
			.map((row) -> Boolean.TRUE.equals(row.get("same", Boolean.class)))
			.one()
			.flatMap((same) -> same ? Mono.just(false) : Mono.error(new StepKeyReusedException()));
	}

	/** The key was used before for another step, of this or of another assignment. */
	static class StepKeyReusedException extends ProblemException {

		StepKeyReusedException() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "step-key-reused");
		}

	}

}
