package de.quartierdispatch.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery of webhooks.
 *
 * @param pollInterval how often each instance looks for due deliveries
 * @param batchSize how many deliveries one look claims
 * @param lease how long a claimed delivery is reserved for the instance sending it (a
 * delivery whose sender died is sent again after this)
 * @param timeout how long a subscriber may take to answer
 * @param firstRetry the wait after the first failure; it doubles with each further one
 * @param maxBackoff the longest wait between attempts
 * @param maxAttempts attempts before a delivery is given up
 * @param keep how long delivered and given-up deliveries are kept (to look into)
 */
@ConfigurationProperties("quartier.webhook")
public record WebhookProperties(@DefaultValue("2s") Duration pollInterval, @DefaultValue("20") int batchSize,
		@DefaultValue("60s") Duration lease, @DefaultValue("10s") Duration timeout,
		@DefaultValue("30s") Duration firstRetry, @DefaultValue("6h") Duration maxBackoff,
		@DefaultValue("12") int maxAttempts, @DefaultValue("7d") Duration keep) {

	/** The wait after the given number of failed attempts. */
	Duration backoff(int failedAttempts) {
		int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
		Duration wait = this.firstRetry.multipliedBy(1L << doublings);
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

}
