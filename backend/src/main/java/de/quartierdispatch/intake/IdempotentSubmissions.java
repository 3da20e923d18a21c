package de.quartierdispatch.intake;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.system.Sha256;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} for submissions (public form, partner apps, counter), so that a
 * double click or a retry on a flaky connection never creates two reports. Works inside
 * the submission's transaction: a transaction-scoped advisory lock on the key makes a
 * concurrent retry wait for nothing (409), and the stored response is written in the
 * report's own statement, so it exists exactly when the report does.
 */
@Component
class IdempotentSubmissions {

	private static final Pattern USABLE_KEY = Pattern.compile("[A-Za-z0-9_.:-]{8,128}");

	private final DatabaseClient db;

	private final JsonMapper json;

	IdempotentSubmissions(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/**
	 * Whether a client's key can be claimed: a '/' is kept for the namespaces the server
	 * puts in front of keys that must not meet a public one (Open311 apps, counter
	 * staff).
	 */
	static boolean isUsable(@Nullable String key) {
		return key != null && USABLE_KEY.matcher(key).matches();
	}

	/**
	 * A submission under {@code key}, with the fingerprint of its body that tells a retry
	 * from a different submission.
	 */
	Claim claimFor(String key, Object request) {
		return new Claim(key, Sha256.of(this.json.writeValueAsBytes(request)));
	}

	/**
	 * Claims the key for this transaction (one round trip, V102). Returns the stored
	 * response of an earlier identical submission, or empty when this is the first.
	 */
	Mono<Optional<StoredResponse>> claim(Claim claim) {
		return this.db.sql("SELECT locked, request_hash, response_status, body, code FROM claim_idempotency_key(:key)")
			.bind("key", claim.key())
			.map((row) -> {
				if (!Boolean.TRUE.equals(row.get("locked", Boolean.class))) {
					throw new SubmissionInProgressException();
				}
				byte[] hash = row.get("request_hash", byte[].class);
				if (hash == null) {
					return Optional.<StoredResponse>empty();
				}
				if (!Arrays.equals(hash, claim.fingerprint())) {
					throw new IdempotencyKeyReusedException();
				}
				return Optional.of(new StoredResponse(row.get("response_status", Integer.class),
						row.get("body", String.class), row.get("code", String.class), true));
			})
			.one();
	}

	/**
	 * As {@link #claim(Claim)}, after looking for an identical submission stored under an
	 * earlier key (a partner app's retry across the edge of its time window).
	 */
	Mono<Optional<StoredResponse>> claim(Claim claim, @Nullable Claim earlier) {
		if (earlier == null) {
			return claim(claim);
		}
		return claim(earlier).flatMap((stored) -> stored.isPresent() ? Mono.just(stored) : claim(claim));
	}

	/**
	 * What a retry under the claimed key will be answered, for {@link Reports#insert} to
	 * write in the same statement as the report.
	 */
	Answer answer(Claim claim, ReportReceipt receipt) {
		return new Answer(claim, 201, this.json.writeValueAsString(receipt), receipt.trackingCode());
	}

	/** The response to a submission that claimed no key. */
	StoredResponse unclaimed(ReportReceipt receipt) {
		return new StoredResponse(201, this.json.writeValueAsString(receipt), receipt.trackingCode(), false);
	}

	/**
	 * A submission under an {@code Idempotency-Key}, claimed for this transaction.
	 *
	 * @param key the key
	 * @param fingerprint its body's fingerprint
	 */
	record Claim(String key, byte[] fingerprint) {
	}

	/**
	 * The response stored for a claim.
	 *
	 * @param claim the key and fingerprint it answers
	 * @param status the HTTP status
	 * @param body the JSON body
	 * @param trackingCode the tracking code it hands out
	 */
	record Answer(Claim claim, int status, String body, String trackingCode) {

		/** The response as sent the first time. */
		StoredResponse response() {
			return new StoredResponse(this.status, this.body, this.trackingCode, false);
		}

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

		/**
		 * As sent: its status and body, where to follow the report, and whether it is a
		 * repeat.
		 */
		ResponseEntity<String> toResponseEntity() {
			return ResponseEntity.status(this.status)
				.contentType(MediaType.APPLICATION_JSON)
				.location(URI.create("/api/reports/" + this.trackingCode))
				.header("Idempotent-Replayed", Boolean.toString(this.replayed))
				.body(this.body);
		}

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
