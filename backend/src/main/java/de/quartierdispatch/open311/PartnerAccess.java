package de.quartierdispatch.open311;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import de.quartierdispatch.open311.PartnerKeys.PartnerKey;
import de.quartierdispatch.system.RateLimiter;
import de.quartierdispatch.system.TooManyRequestsException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Who may post: a partner app with an active key, within its key's own hourly allowance
 * (counted per instance, like every rate limit of the application).
 */
@Component
class PartnerAccess {

	private final PartnerKeys keys;

	private final Clock clock;

	private final Map<Long, RateLimiter> allowances = new ConcurrentHashMap<>();

	PartnerAccess(PartnerKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	/** The key's partner app, or a refusal in GeoReport v2's terms. */
	Mono<PartnerKey> admit(@Nullable String apiKey) {
		if (apiKey == null || apiKey.isBlank()) {
			return Mono.error(Open311Exception.forbidden("api_key was not provided"));
		}
		return this.keys.use(apiKey.strip(), OffsetDateTime.now(this.clock))
			.switchIfEmpty(Mono.error(() -> Open311Exception.forbidden("api_key is invalid or revoked")))
			.flatMap(this::withinAllowance);
	}

	private Mono<PartnerKey> withinAllowance(PartnerKey key) {
		RateLimiter allowance = this.allowances.computeIfAbsent(key.id(),
				(id) -> new RateLimiter(key.requestsPerHour(), Duration.ofHours(1), this.clock));
		Optional<Duration> wait = allowance.tryAcquire("open311-key:" + key.id());
		return wait.isPresent() ? Mono.error(new TooManyRequestsException(wait.get())) : Mono.just(key);
	}

}
