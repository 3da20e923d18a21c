package de.quartierdispatch.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.cookie.Cookie;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's HTTP API as the load generator uses it, on Reactor Netty: requests
 * never wait for a thread, so a slow server cannot slow the arrival of new requests.
 */
final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final HttpClient http;

	private final String csrf;

	Api(String baseUrl, ConnectionProvider connections) {
		this.baseUrl = baseUrl;
		this.http = HttpClient.create(connections)
			.baseUrl(baseUrl)
			.responseTimeout(Duration.ofSeconds(30))
			.headers((headers) -> headers.set(HttpHeaderNames.ORIGIN, baseUrl));
		this.csrf = csrfToken();
	}

	String baseUrl() {
		return this.baseUrl;
	}

	/** The CSRF token a page handed out, which a browser sends back as a cookie. */
	String csrf() {
		return this.csrf;
	}

	/**
	 * Posts a public report with a fresh idempotency key, carrying the CSRF cookie a
	 * browser got with the form page.
	 */
	Mono<Outcome> submit(String body) {
		return submit(body, UUID.randomUUID().toString());
	}

	Mono<Outcome> submit(String body, String idempotencyKey) {
		return this.http
			.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.set(HttpHeaderNames.COOKIE, "XSRF-TOKEN=" + this.csrf)
				.set("Idempotency-Key", idempotencyKey))
			.post()
			.uri("/api/reports")
			.send(ByteBufMono.fromString(Mono.just(body)))
			.responseSingle((response, content) -> content.asString()
				.defaultIfEmpty("")
				.map((text) -> new Outcome(response.status().code(), text)))
			.onErrorResume((ex) -> Mono.just(new Outcome(-1, ex.toString())));
	}

	JsonNode getJson(String path) {
		String body = this.http.get().uri(path).responseSingle((response, content) -> content.asString()).block();
		return JSON.readTree(body);
	}

	List<String> categoryCodes() {
		return getJson("/api/categories").valueStream().map((category) -> category.path("code").asString()).toList();
	}

	/** Signs in as a staff member and returns the session cookie's value. */
	String signIn(String username, String password) {
		String csrf = this.csrf;
		String login = JSON.writeValueAsString(Map.of("username", username, "password", password));
		String session = this.http
			.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.set(HttpHeaderNames.COOKIE, "XSRF-TOKEN=" + csrf)
				.set("X-XSRF-TOKEN", csrf))
			.post()
			.uri("/api/auth/login")
			.send(ByteBufMono.fromString(Mono.just(login)))
			.response((response, content) -> content.then(Mono.justOrEmpty(cookie(response.cookies(), "QD_SESSION"))))
			.blockFirst();
		if (session == null) {
			throw new IllegalStateException("Signing in as " + username + " failed");
		}
		return session;
	}

	/** The CSRF token that any page hands out with its first answer. */
	private String csrfToken() {
		String token = this.http.get()
			.uri("/api/quarters/locate?lat=0&lon=0")
			.response((response, content) -> content.then(Mono.justOrEmpty(cookie(response.cookies(), "XSRF-TOKEN"))))
			.blockFirst();
		if (token == null) {
			throw new IllegalStateException("No CSRF cookie was handed out");
		}
		return token;
	}

	/**
	 * The board snapshot as a browser loads it (gzip accepted): the body as sent, still
	 * compressed, and the time to its last byte.
	 */
	Mono<Snapshot> snapshot(String session) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return this.http
				.headers((headers) -> headers.set(HttpHeaderNames.COOKIE, "QD_SESSION=" + session)
					.set(HttpHeaderNames.ACCEPT_ENCODING, "gzip"))
				.get()
				.uri("/api/board/snapshot")
				.responseSingle((response, content) -> content.asByteArray()
					.map((bytes) -> new Snapshot(response.status().code(),
							response.responseHeaders().get(HttpHeaderNames.CONTENT_ENCODING), bytes,
							System.nanoTime() - start)));
		});
	}

	private static String cookie(Map<CharSequence, Set<Cookie>> cookies, String name) {
		return cookies.getOrDefault(name, Set.of()).stream().map(Cookie::value).findFirst().orElse(null);
	}

	/** A submission's answer. */
	record Outcome(int status, String body) {

		boolean accepted() {
			return this.status == 201;
		}

	}

	/** A snapshot as it came over the wire. */
	record Snapshot(int status, String contentEncoding, byte[] body, long nanos) {

		String decoded() {
			if (!"gzip".equals(this.contentEncoding)) {
				return new String(this.body, StandardCharsets.UTF_8);
			}
			try (var in = new GZIPInputStream(new ByteArrayInputStream(this.body))) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new IllegalStateException("The snapshot's gzip body is broken", ex);
			}
		}

	}

}
