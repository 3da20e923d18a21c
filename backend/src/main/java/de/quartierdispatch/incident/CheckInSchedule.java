package de.quartierdispatch.incident;

import de.quartierdispatch.system.ScheduledRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for check-in timers that ran out, on every instance, every
 * {@code quartier.field.check-in-interval} (default 15 s); each alarm is raised once.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "quartier.scheduling.enabled", matchIfMissing = true)
class CheckInSchedule {

	private static final Logger logger = LoggerFactory.getLogger(CheckInSchedule.class);

	private final LoneWorkerSafety safety;

	CheckInSchedule(LoneWorkerSafety safety) {
		this.safety = safety;
	}

	@Scheduled(fixedDelayString = "${quartier.field.check-in-interval:15s}", initialDelayString = "10s")
	Mono<Void> raiseAlarms() {
		return ScheduledRun.eachTime(() -> this.safety.raiseOverdueAlarms().doOnNext((teams) -> {
			if (!teams.isEmpty()) {
				logger.warn("Check-in overdue: alarm raised for {} team(s)", teams.size());
			}
		}).onErrorResume((failure) -> {
			logger.warn("Check-in run failed, the next run retries: {}", failure.toString());
			return Mono.empty();
		}).then());
	}

}
