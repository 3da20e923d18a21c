package de.quartierdispatch.support;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Signs a demo account in through the real sign-in API and returns a client that carries
 * its session cookie and the CSRF token, as the staff pages do. Where the account's roles
 * require a second factor, it gives the code of the account's authenticator app, which it
 * sets up at the account's first sign-in (as a member would) and keeps for the rest of
 * the run.
 */
public final class StaffLogin {

	public static final String PASSWORD = "test-password-123";

	/**
	 * Time steps the application accepts around the current one in tests
	 * ({@code quartier.security.mfa.time-step-tolerance} in application-test.yml). Each
	 * code works once, and the tests sign the same demo accounts in many times a minute:
	 * each sign-in takes a time step of its own.
	 */
	public static final int TIME_STEP_TOLERANCE = 120;

	/** The authenticator apps set up here, by user name and when they were set up. */
	private static final Map<String, AuthenticatorApp> apps = new ConcurrentHashMap<>();

	private StaffLogin() {
	}

	public static WebTestClient as(WebTestClient client, String username) {
		return as(client, username, PASSWORD);
	}

	public static WebTestClient as(WebTestClient client, String username, String password) {
		return withSession(client, sessionToken(client, username, password, Clock.systemUTC()));
	}

	/** Signs in where the application runs on a clock of the test's own. */
	public static WebTestClient as(WebTestClient client, String username, Clock clock) {
		return withSession(client, sessionToken(client, username, PASSWORD, clock));
	}

	/** Signs in with the given password where the application runs on a test's clock. */
	public static WebTestClient as(WebTestClient client, String username, String password, Clock clock) {
		return withSession(client, sessionToken(client, username, password, clock));
	}

	/** One sign-in attempt as the login page sends it, answered as it is. */
	public static WebTestClient.ResponseSpec attempt(WebTestClient client, String username, String password) {
		String csrf = csrfToken(client);
		return client.post()
			.uri("/api/auth/login")
			.cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.bodyValue(Map.of("username", username, "password", password))
			.exchange();
	}

	private static WebTestClient withSession(WebTestClient client, String session) {
		String csrf = csrfToken(client);
		return client.mutate()
			.defaultCookie("QD_SESSION", session)
			.defaultCookie("XSRF-TOKEN", csrf)
			.defaultHeader("X-XSRF-TOKEN", csrf)
			// Staff answers grow with what the test run left open in the shared database
			// (the board's snapshot passed the client's default 256 KB buffer).
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
	}

	/**
	 * Signs in and returns the session cookie's value, e.g. for a WebSocket handshake.
	 */
	public static String sessionToken(WebTestClient client, String username) {
		return sessionToken(client, username, PASSWORD, Clock.systemUTC());
	}

	/**
	 * Signs in where the application runs on a clock of the test's own and returns the
	 * session cookie's value.
	 */
	public static String sessionToken(WebTestClient client, String username, Clock clock) {
		return sessionToken(client, username, PASSWORD, clock);
	}

	/** Signs in with the given password and returns the session cookie's value. */
	public static String sessionToken(WebTestClient client, String username, String password) {
		return sessionToken(client, username, password, Clock.systemUTC());
	}

	private static String sessionToken(WebTestClient client, String username, String password, Clock clock) {
		String csrf = csrfToken(client);
		EntityExchangeResult<JsonNode> signedIn = passwordStep(client, username, password, csrf);
		String session = cookie(signedIn, username);
		if (!signedIn.getResponseBody().path("secondFactorPending").asBoolean()) {
			return session;
		}
		return secondFactor(client, username, session, csrf, clock);
	}

	/**
	 * Gives only the password: the session then waits for the second factor (for an
	 * account whose roles require one).
	 */
	public static String passwordOnly(WebTestClient client, String username) {
		return cookie(passwordStep(client, username, PASSWORD, csrfToken(client)), username);
	}

	/**
	 * The authenticator app of an account (set up now if the account has none yet), e.g.
	 * to type its code into a browser.
	 */
	public static AuthenticatorApp authenticator(WebTestClient client, String username) {
		return authenticator(client, username, Clock.systemUTC());
	}

	/**
	 * The authenticator app of an account, where the application runs on a test's clock.
	 */
	public static AuthenticatorApp authenticator(WebTestClient client, String username, Clock clock) {
		String session = sessionToken(client, username, PASSWORD, clock);
		return apps.get(key(username, status(client, username, session).path("enrolledAt").asString()));
	}

	private static String secondFactor(WebTestClient client, String username, String session, String csrf,
			Clock clock) {
		JsonNode status = status(client, username, session);
		if ("ENROL".equals(status.path("state").asString())) {
			JsonNode secret = post(client, username, "/api/auth/mfa/enrolment", session, csrf, Map.of())
				.getResponseBody();
			AuthenticatorApp app = new AuthenticatorApp(secret.path("secret").asString());
			Instant now = clock.instant();
			String code = app.codeAt(now);
			app.used(now);
			String full = cookie(
					post(client, username, "/api/auth/mfa/enrolment/confirm", session, csrf, Map.of("code", code)),
					username);
			apps.put(key(username, status(client, username, full).path("enrolledAt").asString()), app);
			return full;
		}
		AuthenticatorApp app = apps.get(key(username, status.path("enrolledAt").asString()));
		if (app == null) {
			throw new IllegalStateException("The authenticator app of " + username + " was set up outside StaffLogin");
		}
		String code = app.nextCode(clock, TIME_STEP_TOLERANCE);
		return cookie(post(client, username, "/api/auth/mfa/verify", session, csrf, Map.of("code", code)), username);
	}

	private static EntityExchangeResult<JsonNode> passwordStep(WebTestClient client, String username, String password,
			String csrf) {
		return answered(client.post()
			.uri("/api/auth/login")
			.cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.bodyValue(Map.of("username", username, "password", password))
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult(), "password step", username);
	}

	private static JsonNode status(WebTestClient client, String username, String session) {
		return answered(client.get()
			.uri("/api/auth/mfa")
			.cookie("QD_SESSION", session)
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult(), "second factor status", username).getResponseBody();
	}

	private static EntityExchangeResult<JsonNode> post(WebTestClient client, String username, String path,
			String session, String csrf, Map<String, String> body) {
		return answered(client.post()
			.uri(path)
			.cookie("QD_SESSION", session)
			.cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.bodyValue(body)
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult(), path, username);
	}

	/**
	 * The answer of one sign-in step, which must be 200: otherwise a failure that names
	 * the step, the account and the server's problem (a test further on otherwise only
	 * sees "401" and cannot tell a locked account from a used code or an ended session).
	 */
	private static EntityExchangeResult<JsonNode> answered(EntityExchangeResult<JsonNode> answer, String step,
			String account) {
		if (answer.getStatus().value() != 200) {
			throw new AssertionError("Sign-in of " + account + " refused at the " + step + " with " + answer.getStatus()
					+ ": " + answer.getResponseBody());
		}
		return answer;
	}

	private static String cookie(EntityExchangeResult<?> result, String username) {
		ResponseCookie session = result.getResponseCookies().getFirst("QD_SESSION");
		if (session == null) {
			throw new IllegalStateException("Sign-in of " + username + " returned no session cookie");
		}
		return session.getValue();
	}

	private static String key(String username, String enrolledAt) {
		return username + "@" + enrolledAt;
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
