package de.quartierdispatch.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Prometheus scrapes {@code /actuator/prometheus} with {@code Authorization: Bearer
 * $METRICS_TOKEN}. Without a configured token the endpoint is closed. Metrics carry no
 * personal data, but they describe the system and are nobody else's business.
 */
@Component
class MetricsAccess implements ReactiveAuthorizationManager<AuthorizationContext> {

	private final byte @Nullable [] expected;

	MetricsAccess(@Value("${quartier.metrics.token:}") String token) {
		this.expected = token.isBlank() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
		String header = context.getExchange().getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		boolean granted = this.expected != null && header != null
				&& MessageDigest.isEqual(this.expected, header.getBytes(StandardCharsets.UTF_8));
		return Mono.just(new AuthorizationDecision(granted));
	}

}
