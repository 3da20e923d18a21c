package de.quartierdispatch.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

import de.quartierdispatch.system.DoneElsewhere;
import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Delivers due messages: claims a batch for this instance, sends one message after the
 * other over SMTP (blocking, on {@code boundedElastic}), and marks each sent as soon as
 * the server took it. Each message is held for a fresh lease just before it is sent, and
 * left alone if another instance took it over while a slow server held up the batch. A
 * failure sets the message aside with a doubling wait, up to the last attempt; a
 * recipient the server refuses for good is not tried again. Only ids, kinds and error
 * types are logged, never an address or a text.
 */
@Component
class OutboxSender {

	private static final Logger logger = LoggerFactory.getLogger(OutboxSender.class);

	private final Outbox outbox;

	private final MailComposer composer;

	private final JavaMailSender mail;

	private final MailProperties properties;

	private final Clock clock;

	private final String instance = "instance-" + UUID.randomUUID();

	OutboxSender(Outbox outbox, MailComposer composer, JavaMailSender mail, MailProperties properties, Clock clock) {
		this.outbox = outbox;
		this.composer = composer;
		this.mail = mail;
		this.properties = properties;
		this.clock = clock;
	}

	/** Sends what is due now; emits the id of each message sent. */
	Flux<Long> sendDue() {
		OffsetDateTime now = now();
		return this.outbox.claim(this.instance, this.properties.batchSize(), now, now.plus(this.properties.lease()))
			.collectList()
			.flatMapMany(Flux::fromIterable)
			.concatMap((message) -> this.outbox.renew(message.id(), this.instance, now().plus(this.properties.lease()))
				.flatMap((held) -> held ? deliver(message) : Mono.empty()));
	}

	private Mono<Long> deliver(OutboxMessage message) {
		if (message.email() == null) {
			return this.outbox.close(message.id(), "ERASED", now()).then(Mono.empty());
		}
		if (message.stopped()) {
			return this.outbox.close(message.id(), "STOPPED", now()).then(Mono.empty());
		}
		String to = message.email();
		Mono<Void> send = Mono.fromRunnable(() -> send(message, to)).subscribeOn(Schedulers.boundedElastic()).then();
		return send.thenReturn(true)
			.onErrorResume((failure) -> failed(message, failure).thenReturn(false))
			.filter(Boolean::booleanValue)
			.flatMap((taken) -> markSent(message));
	}

	/**
	 * The server has the message: a database that fails to record it (a connection lost
	 * just then) is asked again for a few seconds, not taken for a failed sending, which
	 * would send it again. Should it stay away, the lease runs out and the message goes
	 * once more, under the same Message-ID.
	 */
	private Mono<Long> markSent(OutboxMessage message) {
		return Mono.defer(() -> this.outbox.markSent(message.id(), this.instance, now()))
			.retryWhen(DoneElsewhere.recordingRetried())
			.filter(Boolean::booleanValue)
			.map((sent) -> message.id())
			.onErrorResume((failure) -> {
				logger.warn("Mail {} ({}) sent, but not recorded as sent ({}): sent again after its lease",
						message.id(), message.kind(), DoneElsewhere.lastFailure(failure));
				return Mono.empty();
			});
	}

	private void send(OutboxMessage message, String to) {
		try {
			this.mail.send(this.composer.compose(this.mail, message, to));
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException("message could not be composed", ex);
		}
	}

	private Mono<Void> failed(OutboxMessage message, Throwable failure) {
		if (recipientRefused(failure)) {
			logger.warn("Mail {} ({}) refused for good: the server does not accept its recipient", message.id(),
					message.kind());
			return this.outbox.close(message.id(), "RECIPIENT_REFUSED", now());
		}
		if (message.attempts() >= this.properties.maxAttempts()) {
			logger.warn("Mail {} ({}) given up after {} attempts: {}", message.id(), message.kind(), message.attempts(),
					failure.getClass().getSimpleName());
			return this.outbox.close(message.id(), "GAVE_UP", now());
		}
		Duration wait = backoff(message.attempts());
		logger.warn("Mail {} ({}) attempt {} failed ({}), retrying in {}", message.id(), message.kind(),
				message.attempts(), failure.getClass().getSimpleName(), wait);
		return this.outbox.retryLater(message.id(), this.instance, now().plus(wait));
	}

	/**
	 * The server refused the only recipient with a permanent reply (5xx to
	 * {@code RCPT TO}, e.g. 550 no such mailbox): asking again would get the same answer.
	 * A temporary reply (4xx) leaves the address among the valid ones and the message is
	 * tried again.
	 */
	static boolean recipientRefused(Throwable failure) {
		Exception[] causes = (failure instanceof MailSendException sending) ? sending.getMessageExceptions()
				: new Exception[] { (failure instanceof Exception ex) ? ex : new Exception(failure) };
		return Arrays.stream(causes)
			.anyMatch((cause) -> cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null
					&& refused.getInvalidAddresses().length > 0 && empty(refused.getValidUnsentAddresses())
					&& empty(refused.getValidSentAddresses()));
	}

	private static boolean empty(Address @Nullable [] addresses) {
		return addresses == null || addresses.length == 0;
	}

	/** Doubling from the base, at most the maximum: 30 s, 1 min, 2 min, ... 1 h. */
	Duration backoff(int attempts) {
		Duration wait = this.properties.retryBase();
		for (int i = 1; i < attempts && wait.compareTo(this.properties.retryMax()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.properties.retryMax()) > 0) ? this.properties.retryMax() : wait;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
