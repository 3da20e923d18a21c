package de.quartierdispatch.mail;

import de.quartierdispatch.system.ScheduledRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every instance looks for due messages every {@code quartier.mail.poll-interval}; the
 * outbox makes sure that no two instances send the same message.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "quartier.scheduling.enabled", matchIfMissing = true)
class OutboxSchedule {

	private static final Logger logger = LoggerFactory.getLogger(OutboxSchedule.class);

	private final OutboxSender sender;

	OutboxSchedule(OutboxSender sender) {
		this.sender = sender;
	}

	@Scheduled(fixedDelayString = "${quartier.mail.poll-interval:5s}", initialDelayString = "5s")
	Mono<Void> send() {
		return ScheduledRun.eachTime(() -> this.sender.sendDue().count().doOnNext((sent) -> {
			if (sent > 0) {
				logger.info("Sent {} mail(s) to reporters", sent);
			}
		}).onErrorResume((failure) -> {
			logger.warn("Mail run failed, the next run retries: {}", failure.getClass().getSimpleName());
			return Mono.empty();
		}).then());
	}

}
