package de.quartierdispatch.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import de.quartierdispatch.system.BriefFailure;
import de.quartierdispatch.system.DoneElsewhere;
import de.quartierdispatch.webhook.WebhookDeliveries.Delivery;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Sends due deliveries: claims a batch, posts each signed body, and marks it delivered
 * (any 2xx) or due again after a backoff that doubles with each failure, until it is
 * given up. Deliveries are at least once: a sender that dies between the subscriber's
 * answer and the mark sends again when the lease ends, so receivers keep the
 * {@code X-Quartier-Delivery} id to drop repeats.
 */
@Component
class WebhookSender {

	private static final Logger logger = LoggerFactory.getLogger(WebhookSender.class);

	private static final int CONCURRENCY = 4;

	private final WebhookDeliveries deliveries;

	private final WebhookProperties properties;

	private final WebClient client;

	private final Clock clock;

	WebhookSender(WebhookDeliveries deliveries, WebhookProperties properties, WebClient.Builder client,
			ReactorResourceFactory resources, Clock clock) {
		this.deliveries = deliveries;
		this.properties = properties;
		this.client = client.clientConnector(SubscriberConnections.connector(resources)).build();
		this.clock = clock;
	}

	/** Sends what is due now; completes with the number of deliveries attempted. */
	Mono<Long> deliverDue() {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		return this.deliveries.claim(now, now.plus(this.properties.lease()), this.properties.batchSize())
			.flatMap(this::send, CONCURRENCY)
			.count();
	}

	/** Forgets deliveries finished longer ago than {@code quartier.webhook.keep}. */
	Mono<Long> prune() {
		return this.deliveries.prune(OffsetDateTime.now(this.clock).minus(this.properties.keep()));
	}

	private Mono<Void> send(Delivery delivery) {
		if ("webhook.address-internal".equals(WebhookAddress.problem(delivery.url()))) {
			// Saved before the rule (an IP written out is connected to without
			// resolving).
			return failed(delivery, new IllegalStateException("no subscriber lives at this address"));
		}
		long timestamp = this.clock.instant().getEpochSecond();
		// Deferred: an address the client cannot use fails this delivery, not the whole
		// run.
		return Mono
			.defer(() -> this.client.post()
				.uri(delivery.url())
				.contentType(MediaType.APPLICATION_JSON)
				.header(WebhookSignature.HEADER,
						WebhookSignature.header(delivery.secret(), timestamp, delivery.payload()))
				.header("X-Quartier-Event", delivery.eventType())
				.header("X-Quartier-Delivery", Long.toString(delivery.eventSeq()))
				.bodyValue(delivery.payload())
				.retrieve()
				.toBodilessEntity()
				.timeout(this.properties.timeout()))
			.map((response) -> response.getStatusCode().value())
			.onErrorResume((failure) -> failed(delivery, failure).then(Mono.empty()))
			.flatMap((status) -> delivered(delivery, status));
	}

	/**
	 * The subscriber has it: a database that does not record that just then is asked
	 * again, not taken for a failed delivery; should it stay away, the lease's end sends
	 * it once more (at least once, as said).
	 */
	private Mono<Void> delivered(Delivery delivery, int status) {
		return Mono.defer(() -> this.deliveries.delivered(delivery.id(), OffsetDateTime.now(this.clock), status))
			.retryWhen(DoneElsewhere.recordingRetried())
			.onErrorResume((failure) -> {
				logger.warn("Webhook delivery {} answered {}, but not recorded as delivered ({}): sent again after "
						+ "its lease", delivery.id(), status, DoneElsewhere.lastFailure(failure));
				return Mono.empty();
			});
	}

	private Mono<Void> failed(Delivery delivery, Throwable failure) {
		Integer status = (failure instanceof WebClientResponseException response) ? response.getStatusCode().value()
				: null;
		String error = describe(failure, status);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		if (delivery.attempts() >= this.properties.maxAttempts()) {
			logger.warn("Webhook delivery {} given up after {} attempts: {}", delivery.id(), delivery.attempts(),
					error);
			return this.deliveries.giveUp(delivery.id(), now, status, error);
		}
		Duration wait = this.properties.backoff(delivery.attempts());
		logger.info("Webhook delivery {} failed (attempt {}), next in {}: {}", delivery.id(), delivery.attempts(), wait,
				error);
		return this.deliveries.retryAt(delivery.id(), now.plus(wait), status, error);
	}

	private static String describe(Throwable failure, @Nullable Integer status) {
		if (status != null) {
			return "HTTP " + HttpStatusCode.valueOf(status);
		}
		return BriefFailure.of(failure);
	}

}
