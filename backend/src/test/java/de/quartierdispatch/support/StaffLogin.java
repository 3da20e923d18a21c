package de.quartierdispatch.support;

import java.util.Map;

import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Signs a demo account in through the real sign-in API and returns a client that carries
 * its session cookie and the CSRF token, as the staff pages do.
 */
public final class StaffLogin {

	public static final String PASSWORD = "test-password-123";

	private StaffLogin() {
	}

	public static WebTestClient as(WebTestClient client, String username) {
		return as(client, username, PASSWORD);
	}

	public static WebTestClient as(WebTestClient client, String username, String password) {
		String csrf = csrfToken(client);
		String session = sessionToken(client, username, password, csrf);
		return client.mutate()
			.defaultCookie("QD_SESSION", session)
			.defaultCookie("XSRF-TOKEN", csrf)
			.defaultHeader("X-XSRF-TOKEN", csrf)
			.build();
	}

	/**
	 * Signs in and returns the session cookie's value, e.g. for a WebSocket handshake.
	 */
	public static String sessionToken(WebTestClient client, String username) {
		return sessionToken(client, username, PASSWORD, csrfToken(client));
	}

	/** Signs in with the given password and returns the session cookie's value. */
	public static String sessionToken(WebTestClient client, String username, String password) {
		return sessionToken(client, username, password, csrfToken(client));
	}

	private static String sessionToken(WebTestClient client, String username, String password, String csrf) {
		ResponseCookie session = client.post()
			.uri("/api/auth/login")
			.cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.bodyValue(Map.of("username", username, "password", password))
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseCookies()
			.getFirst("QD_SESSION");
		if (session == null) {
			throw new IllegalStateException("Sign-in of " + username + " returned no session cookie");
		}
		return session.getValue();
	}

	/** A fresh CSRF token, as any page load hands one out. */
	public static String csrfToken(WebTestClient client) {
		ResponseCookie cookie = client.get()
			.uri("/api/quarters/locate?lat=0&lon=0")
			.exchange()
			.returnResult(String.class)
			.getResponseCookies()
			.getFirst("XSRF-TOKEN");
		if (cookie == null) {
			throw new IllegalStateException("No CSRF cookie was handed out");
		}
		return cookie.getValue();
	}

}
