package de.quartierdispatch.security;

import java.util.List;
import java.util.Map;

import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Response headers, cookies, CSRF and origin checks, and error answers that give nothing
 * away. The application runs as behind a TLS-terminating proxy (it trusts
 * X-Forwarded-Proto), so that HTTPS-only behaviour can be seen.
 */
@IntegrationTest
@TestPropertySource(properties = "server.forward-headers-strategy=framework")
class HardeningIntegrationTests {

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/login", "/css/base.css", "/api/config", "/api/auth/me", "/api/no-such-thing" })
	void everyResponseCarriesTheSecurityHeaders(String path) {
		HttpHeaders headers = this.client.get().uri(path).exchange().returnResult(String.class).getResponseHeaders();

		String policy = headers.getFirst("Content-Security-Policy");
		assertThat(policy).contains("default-src 'self'")
			.contains("script-src 'self'")
			.contains("frame-ancestors 'none'")
			.contains("object-src 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
		assertThat(headers.getFirst("Strict-Transport-Security")).as("only over HTTPS").isNull();
		if (path.startsWith("/api/")) {
			assertThat(headers.getCacheControl()).isEqualTo("no-store");
		}
	}

	/**
	 * Refusals made before the security chain runs (the firewall's, a method the protocol
	 * knows or not) carry the headers as well, and say what they refuse.
	 */
	@Test
	void refusalsBeforeTheSecurityChainCarryTheSecurityHeaders() {
		HttpHeaders trace = this.client.method(HttpMethod.TRACE)
			.uri("/api/categories")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.returnResult(String.class)
			.getResponseHeaders();
		// The resource's own methods: /api/categories is read only.
		assertThat(trace.getAllow()).containsExactlyInAnyOrder(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
		assertThat(this.client.method(HttpMethod.TRACE)
			.uri("/api/reports")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.returnResult(String.class)
			.getResponseHeaders()
			.getAllow()).contains(HttpMethod.POST).doesNotContain(HttpMethod.TRACE, HttpMethod.DELETE);
		HttpHeaders unknown = this.client.method(HttpMethod.valueOf("BREW"))
			.uri("/api/categories")
			.exchange()
			.expectStatus()
			.isEqualTo(501)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.returnResult(String.class)
			.getResponseHeaders();
		for (HttpHeaders headers : List.of(trace, unknown)) {
			assertThat(headers.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
			assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
			assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
		}
	}

	@Test
	void overHttpsTheBrowserIsToldToStayThereAndCookiesAreSecure() {
		HttpHeaders page = this.client.get()
			.uri("/")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.returnResult(String.class)
			.getResponseHeaders();
		assertThat(page.getFirst("Strict-Transport-Security")).contains("max-age=31536000")
			.contains("includeSubDomains");

		String csrf = StaffLogin.csrfToken(this.client);
		ResponseCookie session = this.client.post()
			.uri("/api/auth/login")
			.header("X-Forwarded-Proto", "https")
			.cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.bodyValue(Map.of("username", "counter", "password", StaffLogin.PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseCookies()
			.getFirst("QD_SESSION");
		assertThat(session.isSecure()).isTrue();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Strict");
	}

	@Test
	void aStateChangingRequestWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
		String session = StaffLogin.sessionToken(this.client, "dispatcher");
		for (String token : new String[] { null, "forged-token" }) {
			WebTestClient.RequestBodySpec request = this.client.post()
				.uri("/api/incidents/1/notes")
				.cookie("QD_SESSION", session)
				.cookie("XSRF-TOKEN", StaffLogin.csrfToken(this.client));
			if (token != null) {
				request.header("X-XSRF-TOKEN", token);
			}
			request.bodyValue(Map.of("text", "Von einer fremden Seite"))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void aRequestFromAForeignPageIsRefusedEvenWithAToken() {
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		admin.post()
			.uri("/api/admin/retention/run")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:foreign-origin");
		admin.post()
			.uri("/api/admin/retention/run")
			.header(HttpHeaders.ORIGIN, "http://localhost:" + this.port)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void errorsTellWhatIsWrongButNothingAboutTheInside() {
		List<EntityExchangeResult<String>> answers = List.of(
				this.client.post()
					.uri("/api/reports")
					.contentType(MediaType.APPLICATION_JSON)
					.header("Idempotency-Key", "k-1")
					.bodyValue("{\"category\": \"NOISE\", \"description\": ")
					.exchange()
					.expectStatus()
					.isBadRequest()
					.expectBody(String.class)
					.returnResult(),
				StaffLogin.as(this.client, "dispatcher")
					.get()
					.uri("/api/incidents/not-a-number")
					.exchange()
					.expectStatus()
					.isBadRequest()
					.expectBody(String.class)
					.returnResult(),
				this.client.get()
					.uri("/api/reports/' OR 1=1 --")
					.exchange()
					.expectStatus()
					.isNotFound()
					.expectBody(String.class)
					.returnResult());
		for (EntityExchangeResult<String> answer : answers) {
			assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(answer.getResponseBody()).doesNotContainIgnoringCase("exception")
				.doesNotContain("at de.")
				.doesNotContain("org.springframework")
				.doesNotContain("tools.jackson")
				.doesNotContainIgnoringCase("select ")
				.doesNotContain("trace");
		}
	}

}
