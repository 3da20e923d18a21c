package de.quartierdispatch.system;

import java.time.Clock;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Enforces every {@link RateLimitRule} per client address, first thing in the chain: a
 * flood is refused with 429 and {@code Retry-After} before its bodies are parsed or
 * checked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class RateLimitFilter implements WebFilter {

	private final List<Limited> limits;

	RateLimitFilter(List<RateLimitRule> rules, Clock clock) {
		this.limits = rules.stream().map((rule) -> new Limited(rule, rule.limiter(clock))).toList();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		for (Limited limited : this.limits) {
			if (limited.rule().appliesTo(exchange)) {
				var wait = limited.limiter().tryAcquire(ClientAddress.of(exchange));
				if (wait.isPresent()) {
					return Mono.error(new TooManyRequestsException(wait.get()));
				}
			}
		}
		return chain.filter(exchange);
	}

	private record Limited(RateLimitRule rule, RateLimiter limiter) {
	}

}
