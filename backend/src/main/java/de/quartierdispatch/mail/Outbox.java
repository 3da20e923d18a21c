package de.quartierdispatch.mail;

import java.time.Duration;
import java.time.OffsetDateTime;

import de.quartierdispatch.incident.DecisionProperties;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The mail outbox ({@code mail_outbox}). Messages are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a lease: instances never claim the same message, and
 * the messages of an instance that died come free when its lease ends. A message is
 * marked sent right after the SMTP server took it, by the instance holding its lease.
 */
@Repository
class Outbox {

	private static final String CLAIM = """
			WITH due AS (
			    SELECT id FROM mail_outbox
			    WHERE sent_at IS NULL AND closed_at IS NULL AND due_at <= :now
			      AND (kind <> 'OUTCOME' OR created_at <= :decidedBefore)
			      AND (lease_until IS NULL OR lease_until < :now)
			    ORDER BY due_at, id
			    LIMIT :limit
			    FOR UPDATE SKIP LOCKED
			), claimed AS (
			    UPDATE mail_outbox o SET lease_until = :leaseUntil, leased_by = :instance, attempts = o.attempts + 1
			    FROM due WHERE o.id = due.id
			    RETURNING o.*
			)
			SELECT c.id, c.kind, c.attempts, c.payload ->> 'outcome' AS outcome,
			       c.payload ->> 'referredTo' AS referred_to, m.text AS message,
			       r.tracking_code, r.language, rc.email, rm.stop_token, rm.stopped_at IS NOT NULL AS stopped
			FROM claimed c
			JOIN report r ON r.id = c.report_id
			JOIN reporter_mail rm ON rm.report_id = c.report_id
			LEFT JOIN reporter_contact rc ON rc.report_id = c.report_id
			LEFT JOIN reporter_message m ON m.id = (c.payload ->> 'message')::bigint
			ORDER BY c.id
			""";

	private final DatabaseClient db;

	private final Duration undoWindow;

	Outbox(DatabaseClient db, DecisionProperties decisions) {
		this.db = db;
		this.undoWindow = decisions.undoWindow();
	}

	/**
	 * Claims up to {@code limit} due messages for this instance until the lease ends. An
	 * outcome waits until the lead who decided it can no longer take it back: the
	 * resident is not told "closed" of an incident that is open again a minute later.
	 */
	Flux<OutboxMessage> claim(String instance, int limit, OffsetDateTime now, OffsetDateTime leaseUntil) {
		return this.db.sql(CLAIM)
			.bind("now", now)
			.bind("decidedBefore", now.minus(this.undoWindow))
			.bind("limit", limit)
			.bind("leaseUntil", leaseUntil)
			.bind("instance", instance)
			.map(Outbox::toMessage)
			.all();
	}

	/**
	 * Holds a claimed message for a lease from now, just before it is sent: a batch sent
	 * to a slow server may outlast the lease it was claimed with. False when another
	 * instance took the message over meanwhile, or it was sent or closed: then this
	 * instance leaves it alone, and the reporter gets it once.
	 */
	Mono<Boolean> renew(long id, String instance, OffsetDateTime leaseUntil) {
		return this.db.sql("""
				UPDATE mail_outbox SET lease_until = :leaseUntil
				WHERE id = :id AND leased_by = :instance AND sent_at IS NULL AND closed_at IS NULL
				""")
			.bind("id", id)
			.bind("instance", instance)
			.bind("leaseUntil", leaseUntil)
			.fetch()
			.rowsUpdated()
			.map((n) -> n > 0);
	}

	/** Marks a message sent; false when this instance no longer held it. */
	Mono<Boolean> markSent(long id, String instance, OffsetDateTime at) {
		return this.db.sql("""
				UPDATE mail_outbox SET sent_at = :at, lease_until = NULL
				WHERE id = :id AND leased_by = :instance AND sent_at IS NULL
				""").bind("id", id).bind("instance", instance).bind("at", at).fetch().rowsUpdated().map((n) -> n > 0);
	}

	/** Sets a failed message aside until {@code retryAt}. */
	Mono<Void> retryLater(long id, String instance, OffsetDateTime retryAt) {
		return this.db.sql("""
				UPDATE mail_outbox SET due_at = :retryAt, lease_until = NULL
				WHERE id = :id AND leased_by = :instance AND sent_at IS NULL
				""").bind("id", id).bind("instance", instance).bind("retryAt", retryAt).then();
	}

	/**
	 * Closes a message that will not be sent (given up, address erased, mail stopped).
	 */
	Mono<Void> close(long id, String reason, OffsetDateTime at) {
		return this.db.sql("""
				UPDATE mail_outbox SET closed_at = :at, close_reason = :reason, lease_until = NULL
				WHERE id = :id AND sent_at IS NULL
				""").bind("id", id).bind("reason", reason).bind("at", at).then();
	}

	/** Queues a lead's public message for every subscribed reporter of the incident. */
	Mono<Long> queueMessage(long incidentId, long messageId, OffsetDateTime at) {
		return this.db.sql("""
				INSERT INTO mail_outbox (report_id, kind, dedupe_key, payload, created_at, due_at)
				SELECT r.id, 'MESSAGE', 'message:' || :message, jsonb_build_object('message', :message), :at, :at
				FROM report r JOIN reporter_mail m ON m.report_id = r.id
				WHERE r.incident_id = :incident AND m.stopped_at IS NULL
				ON CONFLICT DO NOTHING
				""").bind("incident", incidentId).bind("message", messageId).bind("at", at).fetch().rowsUpdated();
	}

	/**
	 * Stops mail for the report with this stop token; false when the token is unknown.
	 */
	Mono<Boolean> stop(String token, OffsetDateTime at) {
		return this.db.sql("""
				WITH stopped AS (
				    UPDATE reporter_mail SET stopped_at = coalesce(stopped_at, :at) WHERE stop_token = :token
				    RETURNING report_id
				), dropped AS (
				    UPDATE mail_outbox o SET closed_at = :at, close_reason = 'STOPPED'
				    FROM stopped s WHERE o.report_id = s.report_id AND o.sent_at IS NULL AND o.closed_at IS NULL
				)
				SELECT count(*) AS n FROM stopped
				""").bind("token", token).bind("at", at).map((row) -> row.get("n", Long.class)).one().map((n) -> n > 0);
	}

	private static OutboxMessage toMessage(Readable row) {
		return new OutboxMessage(row.get("id", Long.class), row.get("kind", String.class),
				row.get("attempts", Integer.class), row.get("tracking_code", String.class),
				row.get("language", String.class), row.get("email", String.class), row.get("stop_token", String.class),
				Boolean.TRUE.equals(row.get("stopped", Boolean.class)), row.get("outcome", String.class),
				row.get("referred_to", String.class), row.get("message", String.class));
	}

}
