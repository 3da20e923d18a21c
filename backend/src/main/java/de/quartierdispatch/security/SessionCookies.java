package de.quartierdispatch.security;

import java.util.Optional;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The session cookie: HttpOnly, SameSite=Strict, Secure over HTTPS, valid for the browser
 * session only (the server decides when the session ends).
 */
@Component
class SessionCookies {

	static final String NAME = StaffSessions.COOKIE;

	private final SecurityProperties properties;

	SessionCookies(SecurityProperties properties) {
		this.properties = properties;
	}

	Optional<String> read(ServerWebExchange exchange) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(NAME);
		return Optional.ofNullable(cookie).map(HttpCookie::getValue).filter((value) -> !value.isBlank());
	}

	void write(ServerWebExchange exchange, String token) {
		exchange.getResponse().addCookie(cookie(exchange, token).build());
	}

	void clear(ServerWebExchange exchange) {
		exchange.getResponse().addCookie(cookie(exchange, "").maxAge(0).build());
	}

	private ResponseCookie.ResponseCookieBuilder cookie(ServerWebExchange exchange, String value) {
		return ResponseCookie.from(NAME, value).path("/").httpOnly(true).sameSite("Strict").secure(secure(exchange));
	}

	boolean secure(ServerWebExchange exchange) {
		return switch (this.properties.secureCookies()) {
			case "always" -> true;
			case "never" -> false;
			default -> "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
		};
	}

}
