package de.quartierdispatch.privacy;

import de.quartierdispatch.system.ScheduledRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the retention job on every instance at
 * {@code quartier.privacy.retention-schedule}; the first instance to arrive does the
 * work, the others find it done.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "quartier.scheduling.enabled", matchIfMissing = true)
class RetentionSchedule {

	private static final Logger logger = LoggerFactory.getLogger(RetentionSchedule.class);

	private final Retention retention;

	RetentionSchedule(Retention retention) {
		this.retention = retention;
	}

	@Scheduled(cron = "${quartier.privacy.retention-schedule:0 15 3 * * *}",
			zone = "${quartier.routing.zone:Europe/Berlin}")
	Mono<Void> run() {
		return ScheduledRun.eachTime(() -> this.retention.run("system:retention").doOnNext((report) -> {
			if (!report.skipped()) {
				logger.info("Retention: {}", report);
			}
		}).onErrorResume((failure) -> {
			logger.warn("Retention run failed and changed nothing; the next run retries: {}", failure.toString());
			return Mono.empty();
		}).then());
	}

}
