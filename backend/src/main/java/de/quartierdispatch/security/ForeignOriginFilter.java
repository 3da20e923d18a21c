package de.quartierdispatch.security;

import java.net.URI;
import java.util.Set;
import java.util.stream.Collectors;

import de.quartierdispatch.system.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses state-changing requests that a browser sends on behalf of a foreign page: when
 * the {@code Origin} header names neither this site nor a configured origin
 * ({@code ALLOWED_ORIGINS}). A second line behind the CSRF token; requests without the
 * header (not from a browser) are left to the token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
class ForeignOriginFilter implements WebFilter {

	private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

	private final Set<String> allowed;

	ForeignOriginFilter(SecurityProperties properties) {
		this.allowed = properties.allowedOrigins()
			.stream()
			.filter((origin) -> !origin.isBlank())
			.map(ForeignOriginFilter::normalized)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String origin = request.getHeaders().getOrigin();
		if (SAFE.contains(request.getMethod()) || origin == null || isOwnOrAllowed(origin, request.getURI())) {
			return chain.filter(exchange);
		}
		return Mono.error(new ForeignOriginException());
	}

	private boolean isOwnOrAllowed(String origin, URI requested) {
		try {
			String normalized = normalized(origin);
			return normalized.equals(own(requested)) || this.allowed.contains(normalized);
		}
		catch (IllegalArgumentException ex) {
			// Not even an address ("null" from sandboxed frames parses, this does not).
			return false;
		}
	}

	private static String own(URI uri) {
		return normalized(uri.getScheme() + "://" + uri.getRawAuthority());
	}

	private static String normalized(String origin) {
		URI uri = URI.create(origin.trim());
		int port = uri.getPort();
		boolean defaultPort = port == -1 || ("https".equals(uri.getScheme()) && port == 443)
				|| ("http".equals(uri.getScheme()) && port == 80);
		return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
	}

	/** A request from a foreign page. */
	static class ForeignOriginException extends ProblemException {

		ForeignOriginException() {
			super(HttpStatus.FORBIDDEN, "foreign-origin");
		}

	}

}
