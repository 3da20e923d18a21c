package de.quartierdispatch.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import de.quartierdispatch.system.ScheduledRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Flags referrals the partner has neither accepted nor declined within
 * {@code quartier.referral.accept-within}: the referrer sees them first, marked, and can
 * call the partner or refer elsewhere. Flagging is one statement that touches each
 * referral once, so several instances may run it at the same time.
 */
@Service
class StaleReferrals {

	private static final Logger logger = LoggerFactory.getLogger(StaleReferrals.class);

	private final Referrals referrals;

	private final ReferralProperties properties;

	private final Clock clock;

	StaleReferrals(Referrals referrals, ReferralProperties properties, Clock clock) {
		this.referrals = referrals;
		this.properties = properties;
		this.clock = clock;
	}

	/** Flags what is due now; returns the referrals flagged by this run. */
	Mono<List<Long>> flagDue() {
		Instant now = this.clock.instant();
		return this.referrals.flagStale(utc(now.minus(this.properties.acceptWithin())), utc(now)).collectList();
	}

	@Scheduled(fixedDelayString = "${quartier.referral.stale-check-interval:5m}", initialDelayString = "20s")
	Mono<Void> flagOnSchedule() {
		return ScheduledRun.eachTime(() -> flagDue().doOnNext((flagged) -> {
			if (!flagged.isEmpty()) {
				logger.info("Flagged {} referral(s) not accepted in time", flagged.size());
			}
		}).onErrorResume((failure) -> {
			logger.warn("Flagging stale referrals failed, the next run retries: {}", failure.toString());
			return Mono.empty();
		}).then());
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
