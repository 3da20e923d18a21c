package de.quartierdispatch.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * A token bucket per client (Bucket4j), kept in a bounded cache so that a flood of
 * distinct clients cannot grow memory without limit. Limits apply per application
 * instance. Buckets refill by the application's clock, so that tests decide how much time
 * passes between requests. Used by {@link RateLimitRule} per client address, and by
 * features whose allowances follow another key (Open311: each partner app's key).
 */
public final class RateLimiter {

	private final Bandwidth limit;

	private final Cache<String, Bucket> buckets;

	private final TimeMeter time;

	public RateLimiter(int requests, Duration per, Clock clock) {
		this.time = new ClockTime(clock);
		this.limit = Bandwidth.builder().capacity(requests).refillGreedy(requests, per).build();
		this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(per.multipliedBy(2)).build();
	}

	/**
	 * Takes one request from the client's allowance.
	 * @return empty when allowed, otherwise how long until the next request would be
	 * allowed
	 */
	public Optional<Duration> tryAcquire(String client) {
		Bucket bucket = this.buckets.get(client,
				(key) -> Bucket.builder().addLimit(this.limit).withCustomTimePrecision(this.time).build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/**
	 * Bucket4j's time source read from a {@link Clock}, in nanoseconds since the epoch.
	 */
	private record ClockTime(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			Instant now = this.clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
