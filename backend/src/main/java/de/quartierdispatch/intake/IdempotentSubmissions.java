package de.quartierdispatch.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

import de.quartierdispatch.system.ProblemException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} for public submissions, so that a double click or a retry on a
 * flaky connection never creates two reports. Works inside the submission's transaction:
 * a transaction-scoped advisory lock on the key makes a concurrent retry wait for nothing
 * (409), and the stored response is written together with the report, so it exists
 * exactly when the report does.
 */
@Component
class IdempotentSubmissions {

	private final DatabaseClient db;

	private final JsonMapper json;

	IdempotentSubmissions(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/** The fingerprint of a request body, to tell a retry from a different submission. */
	byte[] fingerprint(Object request) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(this.json.writeValueAsBytes(request));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * Claims the key for this transaction (one round trip, V102). Returns the stored
	 * response of an earlier identical submission, or empty when this is the first.
	 */
	Mono<Optional<StoredResponse>> claim(String key, byte[] fingerprint) {
		return this.db.sql("SELECT locked, request_hash, response_status, body, code FROM claim_idempotency_key(:key)")
			.bind("key", key)
			.map((row) -> {
				if (!Boolean.TRUE.equals(row.get("locked", Boolean.class))) {
					throw new SubmissionInProgressException();
				}
				byte[] hash = row.get("request_hash", byte[].class);
				if (hash == null) {
					return Optional.<StoredResponse>empty();
				}
				if (!Arrays.equals(hash, fingerprint)) {
					throw new IdempotencyKeyReusedException();
				}
				return Optional.of(new StoredResponse(row.get("response_status", Integer.class),
						row.get("body", String.class), row.get("code", String.class), true));
			})
			.one();
	}

	Mono<StoredResponse> remember(String key, byte[] fingerprint, int status, ReportReceipt receipt) {
		String document = this.json.writeValueAsString(receipt);
		return this.db.sql("""
				INSERT INTO idempotency_key (key, request_hash, response_status, response_body)
				VALUES (:key, :hash, :status, :body)
				""")
			.bind("key", key)
			.bind("hash", fingerprint)
			.bind("status", status)
			.bind("body", document)
			.then()
			.thenReturn(new StoredResponse(status, document, receipt.trackingCode(), false));
	}

	/**
	 * A response as first sent.
	 *
	 * @param status the HTTP status
	 * @param body the JSON body
	 * @param trackingCode the tracking code it hands out
	 * @param replayed whether this is a repeat of an earlier submission
	 */
	record StoredResponse(int status, String body, String trackingCode, boolean replayed) {
	}

	/** The same key is being processed right now. */
	static class SubmissionInProgressException extends ProblemException {

		SubmissionInProgressException() {
			super(HttpStatus.CONFLICT, "submission-in-progress");
		}

	}

	/** The key was used before for a different submission. */
	static class IdempotencyKeyReusedException extends ProblemException {

		IdempotencyKeyReusedException() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused");
		}

	}

}
