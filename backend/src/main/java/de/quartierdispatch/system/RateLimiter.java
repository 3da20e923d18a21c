package de.quartierdispatch.system;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket per client (Bucket4j), kept in a bounded cache so that a flood of
 * distinct clients cannot grow memory without limit. Limits apply per application
 * instance.
 */
public final class RateLimiter {

	private final Bandwidth limit;

	private final Cache<String, Bucket> buckets;

	public RateLimiter(int requests, Duration per) {
		this.limit = Bandwidth.builder().capacity(requests).refillGreedy(requests, per).build();
		this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(per.multipliedBy(2)).build();
	}

	/**
	 * Takes one request from the client's allowance.
	 * @return empty when allowed, otherwise how long until the next request would be
	 * allowed
	 */
	public Optional<Duration> tryAcquire(String client) {
		Bucket bucket = this.buckets.get(client, (key) -> Bucket.builder().addLimit(this.limit).build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

}
