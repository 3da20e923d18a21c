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
 * Runs the escalation on every instance, every
 * {@code quartier.routing.escalation-interval}; the escalation itself makes sure no
 * incident is escalated twice.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "quartier.scheduling.enabled", matchIfMissing = true)
class EscalationSchedule {

	private static final Logger logger = LoggerFactory.getLogger(EscalationSchedule.class);

	private final Escalation escalation;

	EscalationSchedule(Escalation escalation) {
		this.escalation = escalation;
	}

	@Scheduled(fixedDelayString = "${quartier.routing.escalation-interval:30s}", initialDelayString = "10s")
	Mono<Void> escalate() {
		return ScheduledRun.eachTime(() -> this.escalation.escalateDue().doOnNext((escalated) -> {
			if (!escalated.isEmpty()) {
				logger.info("Escalated {} overdue incident(s)", escalated.size());
			}
		}).onErrorResume((failure) -> {
			logger.warn("Escalation run failed, the next run retries: {}", failure.toString());
			return Mono.empty();
		}).then());
	}

}
