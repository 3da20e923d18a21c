package de.quartierdispatch.security;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.DefaultCsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The CSRF token as a double-submit cookie ({@code XSRF-TOKEN}, read by the pages and
 * sent back in {@code X-XSRF-TOKEN}): SameSite=Strict, and Secure exactly when the
 * session cookie is, that is over HTTPS, including HTTPS ended at a trusted proxy
 * ({@code X-Forwarded-Proto}), which Spring Security's cookie repository does not see.
 */
@Component
class CsrfCookies implements ServerCsrfTokenRepository {

	static final String COOKIE = "XSRF-TOKEN";

	static final String HEADER = "X-XSRF-TOKEN";

	private static final String PARAMETER = "_csrf";

	private final SessionCookies sessionCookies;

	CsrfCookies(SessionCookies sessionCookies) {
		this.sessionCookies = sessionCookies;
	}

	@Override
	public Mono<CsrfToken> generateToken(ServerWebExchange exchange) {
		return Mono.fromCallable(() -> new DefaultCsrfToken(HEADER, PARAMETER, UUID.randomUUID().toString()));
	}

	@Override
	public Mono<Void> saveToken(ServerWebExchange exchange, @Nullable CsrfToken token) {
		return Mono.fromRunnable(() -> {
			String value = (token != null) ? token.getToken() : "";
			ResponseCookie cookie = ResponseCookie.from(COOKIE, value)
				.path("/")
				.httpOnly(false)
				.sameSite("Strict")
				.secure(this.sessionCookies.secure(exchange))
				.maxAge((token != null) ? -1 : 0)
				.build();
			exchange.getResponse().addCookie(cookie);
		});
	}

	@Override
	public Mono<CsrfToken> loadToken(ServerWebExchange exchange) {
		return Mono.fromCallable(() -> {
			HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
			if (cookie == null || cookie.getValue().isEmpty()) {
				return null;
			}
			return new DefaultCsrfToken(HEADER, PARAMETER, cookie.getValue());
		});
	}

}
