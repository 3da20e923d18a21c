package de.quartierdispatch.webhook;

import java.time.OffsetDateTime;

import de.quartierdispatch.system.SqlParameters;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox. Rows are written by the {@code webhook_enqueue} trigger in the transaction
 * that records a board event; here they are claimed, and marked delivered or due again.
 * Claiming skips rows another instance holds ({@code FOR UPDATE SKIP LOCKED}) and leases
 * them, so that two instances never send the same delivery at once, and a delivery whose
 * sender died is sent again when its lease ends. One incident's events reach a subscriber
 * in order: only the earliest pending delivery of each incident is claimed, so a later
 * one waits while an earlier one is on its way or due again after a failure (V128).
 */
@Repository
class WebhookDeliveries {

	private static final String CLAIM = """
			UPDATE webhook_delivery d
			SET leased_until = :leaseEnd, attempts = d.attempts + 1
			FROM webhook_subscriber s
			WHERE s.id = d.subscriber_id
			  AND d.id IN (SELECT p.id FROM webhook_delivery p
			               WHERE p.delivered_at IS NULL AND p.given_up_at IS NULL
			                 AND (p.next_attempt_at IS NULL OR p.next_attempt_at <= :now)
			                 AND (p.leased_until IS NULL OR p.leased_until <= :now)
			                 AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
			                                 WHERE e.subscriber_id = p.subscriber_id
			                                   AND (e.payload -> 'incident' ->> 'id') = (p.payload -> 'incident' ->> 'id')
			                                   AND e.id < p.id
			                                   AND e.delivered_at IS NULL AND e.given_up_at IS NULL)
			               ORDER BY p.id
			               LIMIT :limit
			               FOR UPDATE SKIP LOCKED)
			RETURNING d.id, d.event_seq, d.event_type, d.payload::text AS payload, d.attempts, s.url, s.secret
			""";

	private final DatabaseClient db;

	WebhookDeliveries(DatabaseClient db) {
		this.db = db;
	}

	Flux<Delivery> claim(OffsetDateTime now, OffsetDateTime leaseEnd, int limit) {
		return this.db.sql(CLAIM)
			.bind("now", now)
			.bind("leaseEnd", leaseEnd)
			.bind("limit", limit)
			.map((row) -> new Delivery(row.get("id", Long.class), row.get("event_seq", Long.class),
					row.get("event_type", String.class), row.get("payload", String.class),
					row.get("attempts", Integer.class), row.get("url", String.class), row.get("secret", String.class)))
			.all();
	}

	Mono<Void> delivered(long id, OffsetDateTime now, int status) {
		return this.db.sql("""
				UPDATE webhook_delivery
				SET delivered_at = :now, leased_until = NULL, last_status = :status, last_error = NULL
				WHERE id = :id
				""").bind("id", id).bind("now", now).bind("status", status).then();
	}

	/** A failed attempt, due again at {@code nextAttempt}. */
	Mono<Void> retryAt(long id, OffsetDateTime nextAttempt, @Nullable Integer status, String error) {
		return this.db.sql("""
				UPDATE webhook_delivery
				SET leased_until = NULL, next_attempt_at = :next, last_status = :status, last_error = :error
				WHERE id = :id
				""")
			.bind("id", id)
			.bind("next", nextAttempt)
			.bind("status", SqlParameters.nullable(status, Integer.class))
			.bind("error", error)
			.then();
	}

	/** The last attempt failed too: the delivery is given up. */
	Mono<Void> giveUp(long id, OffsetDateTime now, @Nullable Integer status, String error) {
		return this.db.sql("""
				UPDATE webhook_delivery
				SET leased_until = NULL, given_up_at = :now, last_status = :status, last_error = :error
				WHERE id = :id
				""")
			.bind("id", id)
			.bind("now", now)
			.bind("status", SqlParameters.nullable(status, Integer.class))
			.bind("error", error)
			.then();
	}

	/** Forgets deliveries that were delivered or given up before the given time. */
	Mono<Long> prune(OffsetDateTime before) {
		return this.db.sql("DELETE FROM webhook_delivery WHERE delivered_at < :before OR given_up_at < :before")
			.bind("before", before)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * A delivery claimed for sending.
	 *
	 * @param id its id
	 * @param eventSeq the board event's sequence number (the receiver's key against
	 * duplicates)
	 * @param eventType the event's type
	 * @param payload the JSON body
	 * @param attempts attempts so far, this one included
	 * @param url where to send it
	 * @param secret the subscriber's signing secret
	 */
	record Delivery(long id, long eventSeq, String eventType, String payload, int attempts, String url, String secret) {
	}

}
