package de.quartierdispatch.webhook;

import java.util.concurrent.TimeUnit;

import de.quartierdispatch.system.ScheduledRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every instance looks for due deliveries every {@code quartier.webhook.poll-interval};
 * the claim makes sure each is sent by one of them.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "quartier.scheduling.enabled", matchIfMissing = true)
class WebhookSchedule {

	private static final Logger logger = LoggerFactory.getLogger(WebhookSchedule.class);

	private final WebhookSender sender;

	WebhookSchedule(WebhookSender sender) {
		this.sender = sender;
	}

	@Scheduled(fixedDelayString = "${quartier.webhook.poll-interval:2s}", initialDelayString = "5s")
	Mono<Void> deliver() {
		return ScheduledRun.eachTime(() -> this.sender.deliverDue().onErrorResume((failure) -> {
			logger.warn("Webhook delivery run failed, the next run retries: {}", failure.toString());
			return Mono.empty();
		}).then());
	}

	@Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS, initialDelayString = "1m")
	Mono<Void> prune() {
		return ScheduledRun.eachTime(() -> this.sender.prune().onErrorResume((failure) -> {
			logger.warn("Pruning webhook deliveries failed, the next run retries: {}", failure.toString());
			return Mono.empty();
		}).then());
	}

}
