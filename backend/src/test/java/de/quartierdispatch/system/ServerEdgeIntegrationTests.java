package de.quartierdispatch.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import de.quartierdispatch.support.CapturedLog;
import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The edges of the server: behind a trusted proxy (one hop), what the client says about
 * itself in forwarded headers does not count; refusals Netty makes itself carry problem
 * details; slow connections are closed; an unreachable database is a 503 that logs no
 * query string; an unusable {@code Accept} fails before anything is stored, an unreadable
 * {@code Content-Type} before anything reads it.
 */
@IntegrationTest
@TestPropertySource(properties = { "server.forward-headers-strategy=native", "quartier.server.trusted-proxies=1",
		"quartier.server.header-read-timeout=2s", "quartier.server.body-read-timeout=2s",
		"quartier.intake.status-lookups-per-minute=3",
		"spring.r2dbc.properties.applicationName=" + ServerEdgeIntegrationTests.INSTANCE })
class ServerEdgeIntegrationTests {

	/**
	 * This instance's name in pg_stat_activity: the outage below ends only its
	 * connections, not those of the other application contexts the test run keeps for
	 * later classes.
	 */
	static final String INSTANCE = "quartier-dispatch-server-edge";

	@Autowired
	private WebTestClient client;

	@Autowired
	private MessageSource messages;

	@LocalServerPort
	private int port;

	@Test
	void theClientAddressIsTheOneTheTrustedProxySawNotTheOneTheClientClaims() {
		for (int i = 0; i < 3; i++) {
			statusLookup("198.51.100." + i + ", 203.0.113.7").expectStatus().isNotFound();
		}
		statusLookup("198.51.100.99, 203.0.113.7").expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		// Another client behind the same proxy has a bucket of its own.
		statusLookup("203.0.113.8").expectStatus().isNotFound();
	}

	@Test
	void theCsrfCookieIsSecureExactlyWhenTheTrustedProxySaysHttps() {
		ResponseCookie overHttps = csrfCookie("https");
		ResponseCookie overHttp = csrfCookie("http");

		assertThat(overHttps.isSecure()).isTrue();
		assertThat(overHttps.getSameSite()).isEqualTo("Strict");
		assertThat(overHttp.isSecure()).isFalse();
	}

	@Test
	void requestsNettyRefusesItselfAreAnsweredWithProblemDetails() throws IOException {
		String longUri = raw("GET /api/quarters/locate?q=" + "x".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
		String longHeaders = raw(
				"GET /api/config HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "x".repeat(9000) + "\r\n\r\n");
		String brokenHeader = raw("GET /api/config HTTP/1.1\r\nHost: localhost\r\nBroken Header\u0001: x\r\n\r\n");

		assertThat(longUri).startsWith("HTTP/1.1 414").contains("application/problem+json").contains("\"status\":414");
		assertThat(longHeaders).startsWith("HTTP/1.1 431").contains("application/problem+json");
		assertThat(brokenHeader).startsWith("HTTP/1.1 400").contains("application/problem+json");
		// No filter sees these answers: they carry the browser's guards themselves.
		for (String answer : List.of(longUri, longHeaders, brokenHeader)) {
			assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("x-content-type-options: nosniff")
				.contains("content-security-policy: default-src 'none'");
		}
	}

	/**
	 * A request Netty cannot read, sent on a connection kept alive after an answer, is
	 * answered (with problem details) and the connection closed, every time: in some of
	 * such tries the connection was left open with no answer at all, past every timeout.
	 */
	@Test
	void aRequestNettyCannotReadOnAKeptAliveConnectionIsAnsweredEveryTime() throws IOException {
		// An answer that needs the database: its exchange ends on another thread.
		byte[] first = "GET /api/quarters/locate?lat=51.5259&lon=6.9129 HTTP/1.1\r\nHost: localhost\r\n\r\n"
			.getBytes(StandardCharsets.US_ASCII);
		byte[] unreadable = ("GET /api/config/" + "x".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		Map<String, Integer> answers = new TreeMap<>();
		for (int attempt = 0; attempt < 40; attempt++) {
			try (Socket socket = new Socket("localhost", this.port)) {
				socket.setSoTimeout(5_000);
				socket.getOutputStream().write(first);
				socket.getOutputStream().flush();
				String answer = readUntil(socket.getInputStream(), "}");
				assertThat(answer).startsWith("HTTP/1.1 200");
				socket.getOutputStream().write(unreadable);
				socket.getOutputStream().flush();
				String second = readUntil(socket.getInputStream(), null);
				answers.merge(
						second.isEmpty() ? "no answer"
								: second.substring(0, Math.min(12, second.length()))
										+ (second.contains("application/problem+json") ? " problem" : ""),
						1, Integer::sum);
			}
		}
		assertThat(answers).containsOnlyKeys("HTTP/1.1 414 problem");
	}

	/**
	 * What arrives until the text is seen, the server closes, or nothing comes for the
	 * socket's timeout (what came until then).
	 */
	private static String readUntil(InputStream in, @Nullable String end) throws IOException {
		StringBuilder answer = new StringBuilder();
		byte[] buffer = new byte[16384];
		try {
			int read;
			while ((read = in.read(buffer)) > 0) {
				answer.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
				int body = answer.indexOf("\r\n\r\n");
				boolean chunked = body > 0 && answer.substring(0, body).toLowerCase().contains("chunked");
				if (end != null && body > 0 && answer.lastIndexOf(end) > body
						&& (!chunked || answer.toString().endsWith("\r\n0\r\n\r\n"))) {
					break;
				}
			}
		}
		catch (SocketTimeoutException | SocketException ex) {
			// No (more) answer, or reset: what came is the answer.
		}
		return answer.toString();
	}

	@Test
	void aConnectionTricklingItsHeadersIsClosedAfterTheHeaderReadTimeout() throws IOException {
		ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write("GET /api/config HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			trickle.scheduleAtFixedRate(() -> {
				try {
					out.write('X');
					out.flush();
				}
				catch (IOException ex) {
					// Closed by the server: what this test waits for.
				}
			}, 300, 300, TimeUnit.MILLISECONDS);
			long started = System.nanoTime();
			int read = readOrClosed(socket.getInputStream());
			Duration open = Duration.ofNanos(System.nanoTime() - started);

			assertThat(read).isEqualTo(-1);
			assertThat(open).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(8));
		}
		finally {
			trickle.shutdownNow();
		}
	}

	@Test
	void aWebSocketHandshakeFromAForeignPageIsRefusedWithProblemDetails() {
		String session = StaffLogin.sessionToken(this.client, "dispatcher");
		this.client.get()
			.uri("/ws/board")
			.cookie("QD_SESSION", session)
			.header("Origin", "https://evil.example")
			.header("Upgrade", "websocket")
			.header("Connection", "Upgrade")
			.header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
			.header("Sec-WebSocket-Version", "13")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	/**
	 * A board client that sends an unmasked frame breaks the protocol: it gets a close
	 * frame with 1002 and loses the connection, and the log says so in one line instead
	 * of an uncaught error with a stack trace.
	 */
	@Test
	void aWebSocketClientBreakingTheProtocolIsClosedWith1002AndLoggedAsItsFault() throws IOException {
		String session = StaffLogin.sessionToken(this.client, "dispatcher");
		long since = TestDatabase.queryLong("SELECT last_seq FROM board_event_sequence");
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			out.write(("GET /ws/board?since=" + since + " HTTP/1.1\r\nHost: localhost:" + this.port
					+ "\r\nUpgrade: websocket\r\n"
					+ "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
					+ "Sec-WebSocket-Version: 13\r\nOrigin: http://localhost:" + this.port + "\r\nCookie: QD_SESSION="
					+ session + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			assertThat(readHeaders(in)).startsWith("HTTP/1.1 101");
			while (!nextFrame(in).text().contains("\"live\"")) {
				// What the board sends before it is live.
			}
			// A text frame as a server would send it: clients must mask theirs.
			out.write(new byte[] { (byte) 0x81, 0x02, 'h', 'i' });
			out.flush();
			Frame frame = nextFrame(in);
			while (frame.opcode() != 0x8) {
				frame = nextFrame(in);
			}
			assertThat(frame.closeCode()).isEqualTo(1002);
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> CapturedLog.lines()
				.stream()
				.anyMatch((line) -> line.contains("client broke the protocol: received a frame that is not masked")));
		assertThat(CapturedLog.lines()).noneMatch((line) -> line.contains("CorruptedWebSocketFrameException"));
	}

	private static String readHeaders(InputStream in) throws IOException {
		StringBuilder headers = new StringBuilder();
		while (!headers.toString().endsWith("\r\n\r\n")) {
			int next = in.read();
			if (next < 0) {
				break;
			}
			headers.append((char) next);
		}
		return headers.toString();
	}

	/** The server's next frame (a server's are never masked). */
	private static Frame nextFrame(InputStream in) throws IOException {
		int first = in.read();
		int length = in.read();
		if (first < 0 || length < 0) {
			throw new AssertionError("The connection ended without a close frame");
		}
		long size = length & 0x7f;
		if (size >= 126) {
			int bytes = (size == 126) ? 2 : 8;
			size = 0;
			for (byte part : in.readNBytes(bytes)) {
				size = (size << 8) | (part & 0xff);
			}
		}
		return new Frame(first & 0x0f, in.readNBytes((int) size));
	}

	@Test
	void aWebSocketHandshakeForAnotherProtocolVersionIsA426NamingVersion13WithProblemDetails() {
		String session = StaffLogin.sessionToken(this.client, "dispatcher");
		this.client.get()
			.uri("/ws/board")
			.cookie("QD_SESSION", session)
			.header("Accept-Language", "de")
			.header("Upgrade", "websocket")
			.header("Connection", "Upgrade")
			.header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
			.header("Sec-WebSocket-Version", "99")
			.exchange()
			.expectStatus()
			.isEqualTo(426)
			.expectHeader()
			.valueEquals("Sec-WebSocket-Version", "13")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Anderes Protokoll erforderlich");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "", "dGhlIHNhbXBsZQ==" })
	void aWebSocketHandshakeWithoutA16ByteNonceIsA400(String key) {
		String session = StaffLogin.sessionToken(this.client, "dispatcher");
		this.client.get()
			.uri("/ws/board")
			.cookie("QD_SESSION", session)
			.header("Upgrade", "websocket")
			.header("Connection", "Upgrade")
			.header("Sec-WebSocket-Key", key)
			.header("Sec-WebSocket-Version", "13")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@ParameterizedTest
	@ValueSource(strings = { "foo", "application/json;q=0, text/plain", "*/*;q=0",
			"application/json;charset=ISO-8859-1", "*/*;charset=UTF-16" })
	void anUnusableAcceptHeaderFailsBeforeTheReportIsStored(String accept) {
		long before = TestDatabase.queryLong("SELECT count(*) FROM report");
		this.client.post()
			.uri("/api/reports")
			.header("Accept", accept)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("category", "NOISE", "description", "Laute Musik seit Stunden im Hinterhof", "location",
					Map.of("lat", 51.5236, "lon", 6.9286), "language", "de"))
			.exchange()
			.expectStatus()
			.isEqualTo(406)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);

		assertThat(TestDatabase.queryLong("SELECT count(*) FROM report")).isEqualTo(before);
	}

	/**
	 * A page that lost its security token is told so in the resident's language (asked of
	 * the bundles: the public sends are rate-limited per client).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "ar", "bg", "fa", "ro", "tr", "uk" })
	void aMissingSecurityTokenIsExplainedInEveryResidentsLanguage(String language) {
		for (String key : List.of("problem.csrf-token-rejected.title", "problem.csrf-token-rejected.detail",
				"problem.foreign-origin.title", "problem.foreign-origin.detail")) {
			String english = this.messages.getMessage(key, null, Locale.ENGLISH);
			assertThat(this.messages.getMessage(key, null, Locale.forLanguageTag(language))).as(key)
				.isNotBlank()
				.isNotEqualTo(english);
		}
	}

	/**
	 * A method the path does not take is 405 with the methods it does, also for a caller
	 * who is not signed in and has no security token (it was "sign in" or "the page lost
	 * its security token").
	 */
	@Test
	void aMethodThePathDoesNotTakeIs405ForAnyone() {
		this.client.post()
			.uri("/api/categories")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.exists(HttpHeaders.ALLOW);
		this.client.put().uri("/api/reports").exchange().expectStatus().isEqualTo(405);
		this.client.get().uri("/api/reports").exchange().expectStatus().isEqualTo(405);
		this.client.post().uri("/open311/v2/services.json").exchange().expectStatus().isEqualTo(405);
		// What exists for the method stays closed as before.
		this.client.post().uri("/api/reports/ABCD-EFGH-JKMN/still-a-problem").exchange().expectStatus().isForbidden();
		this.client.get().uri("/api/incidents/1").exchange().expectStatus().isUnauthorized();
	}

	/** OPTIONS says what a public path allows, to anyone; a staff path stays closed. */
	@Test
	void optionsOnAPublicPathSaysWhatItAllows() {
		for (String path : List.of("/api/categories", "/api/reports", "/open311/v2/services.json", "/", "/status")) {
			this.client.options()
				.uri(path)
				.exchange()
				.expectStatus()
				.is2xxSuccessful()
				.expectHeader()
				.exists(HttpHeaders.ALLOW);
		}
		this.client.options().uri("/api/incidents/1").exchange().expectStatus().isUnauthorized();
	}

	/**
	 * Every text the application writes is UTF-8: asked for in another charset, a list is
	 * refused (it was a 500) and an answer is not re-encoded (it lost every character
	 * outside the charset); asked for in UTF-8 or with UTF-8 among the choices, it is
	 * answered in UTF-8.
	 */
	@Test
	void anAnswerIsInUtf8OrNotAcceptableWhateverCharsetIsAskedFor() {
		for (String path : List.of("/api/categories", "/api/accessibility", "/api/config")) {
			this.client.get()
				.uri(path)
				.header("Accept", "application/json;charset=ISO-8859-1")
				.exchange()
				.expectStatus()
				.isEqualTo(406)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		for (String accept : List.of("application/json;charset=utf-8",
				"application/json;charset=UTF-16, application/json;q=0.5")) {
			String body = this.client.get()
				.uri("/api/categories")
				.header("Accept", accept)
				.header("Accept-Language", "ar")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.value(HttpHeaders.CONTENT_TYPE,
						(type) -> assertThat(MediaType.parseMediaType(type).getCharset()).isIn(null,
								java.nio.charset.StandardCharsets.UTF_8))
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(body).as(accept).contains("ضوضاء");
		}
	}

	@Test
	void anUnreadableContentTypeIsA415InTheCallersLanguageWhateverTheMethodAndNothingIsStored() throws IOException {
		long before = TestDatabase.queryLong("SELECT count(*) FROM report");
		String body = "{\"category\":\"NOISE\",\"description\":\"Laute Musik seit Stunden im Hinterhof\","
				+ "\"location\":{\"lat\":51.5236,\"lon\":6.9286},\"language\":\"de\"}";
		for (String type : List.of("garbage", "application/json; charset=nonsense-xx", "multipart/form-data; boundary=",
				"application/x-www-form-urlencoded; charset=utf-99", "a/b; x=\"")) {
			String submission = raw("POST /api/reports HTTP/1.1\r\nHost: localhost\r\nAccept-Language: de\r\n"
					+ "Idempotency-Key: " + UUID.randomUUID() + "\r\nContent-Type: " + type + "\r\nContent-Length: "
					+ body.length() + "\r\nConnection: close\r\n\r\n" + body);
			String page = raw("GET /api/config HTTP/1.1\r\nHost: localhost\r\nAccept-Language: ar\r\nContent-Type: "
					+ type + "\r\nConnection: close\r\n\r\n");

			assertThat(submission).as(type)
				.startsWith("HTTP/1.1 415")
				.contains("application/problem+json")
				.contains(asSentOverTheWire("Nicht unterstütztes Format"));
			assertThat(page).as(type)
				.startsWith("HTTP/1.1 415")
				.contains("application/problem+json")
				.contains(asSentOverTheWire("نوع المحتوى غير مدعوم"));
		}
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM report")).isEqualTo(before);
	}

	@Test
	void aFormBodyThatCannotBeDecodedIsA400WhereverItIsSent() throws IOException {
		for (String target : List.of("POST /api/auth/login", "POST /api/reports", "GET /api/config")) {
			String answer = raw(target + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: de\r\n"
					+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n"
					+ "Connection: close\r\n\r\na=%zz");

			assertThat(answer).as(target).startsWith("HTTP/1.1 400").contains("application/problem+json");
		}
	}

	@Test
	void aBodyThatStopsArrivingIsA408AfterTheBodyReadTimeoutAndNothingIsStored() throws IOException {
		long before = TestDatabase.queryLong("SELECT count(*) FROM report");
		String answer = raw("POST /api/reports HTTP/1.1\r\nHost: localhost\r\nAccept-Language: de\r\n"
				+ "Idempotency-Key: " + UUID.randomUUID() + "\r\nContent-Type: application/json\r\n"
				+ "Content-Length: 1000\r\n\r\n{\"category\":");

		assertThat(answer).startsWith("HTTP/1.1 408")
			.contains("application/problem+json")
			.contains(asSentOverTheWire("Anfrage dauerte zu lange"));
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM report")).isEqualTo(before);
	}

	@Test
	void aBodyInAContentEncodingIsRefusedAs415AndNothingIsStored() throws IOException {
		long before = TestDatabase.queryLong("SELECT count(*) FROM report");
		for (String coding : List.of("gzip", "br", "x-bogus")) {
			String answer = raw("POST /api/reports HTTP/1.1\r\nHost: localhost\r\nAccept-Language: de\r\n"
					+ "Idempotency-Key: " + UUID.randomUUID() + "\r\nContent-Type: application/json\r\n"
					+ "Content-Encoding: " + coding + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

			assertThat(answer).as(coding).startsWith("HTTP/1.1 415").contains("application/problem+json");
		}
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM report")).isEqualTo(before);
	}

	/**
	 * No success is a problem or a stream of events: asked for only those, an answer is
	 * 406, not the JSON labelled as one of them.
	 */
	@Test
	void aClientAcceptingOnlyProblemsOrStreamsGets406NotAMislabelledAnswer() {
		// Before the handler runs: a change is not made and then refused.
		long incident = Fixtures.reportIncident(this.client, "LITTER", 51.5236, 6.9286);
		String marker = "Notiz " + UUID.randomUUID();
		StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/incidents/{id}/notes", incident)
			.headers((headers) -> headers.setAccept(List.of(MediaType.APPLICATION_PROBLEM_JSON)))
			.bodyValue(Map.of("text", marker))
			.exchange()
			.expectStatus()
			.isEqualTo(406);
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM incident_note WHERE text = '" + marker + "'")).isZero();
		for (String path : List.of("/api/categories", "/api/config", "/api/contact-points")) {
			for (String accept : List.of("application/problem+json", "text/event-stream", "application/x-ndjson")) {
				this.client.get()
					.uri(path)
					.header("Accept", accept)
					.exchange()
					.expectStatus()
					.isEqualTo(406)
					.expectHeader()
					.contentType(MediaType.APPLICATION_PROBLEM_JSON);
			}
			this.client.get()
				.uri(path)
				.header("Accept", "application/json;q=0")
				.exchange()
				.expectStatus()
				.isEqualTo(406);
			this.client.get()
				.uri(path)
				.header("Accept", "application/json;level=1")
				.exchange()
				.expectHeader()
				.value(HttpHeaders.CONTENT_TYPE, (type) -> assertThat(type).doesNotContain("level"));
			this.client.get()
				.uri(path)
				.header("Accept", "application/problem+json, application/json;q=0.9")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		}
	}

	/** No parameter of the API is a list: one given twice is ambiguous, not the first. */
	@Test
	void aQueryParameterGivenTwiceIsRefusedNamingIt() {
		this.client.get()
			.uri("/api/quarters/locate?lat=51.5236&lon=6.9286&lat=51.6")
			.header("Accept-Language", "de")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("lat")
			.jsonPath("$.errors[0].message")
			.isEqualTo("Dieser Parameter wurde mehrfach angegeben. Bitte geben Sie ihn nur einmal an.");
		this.client.get().uri("/api/quarters/locate?lat=51.5236&lon=6.9286").exchange().expectStatus().isOk();
	}

	/** Text that cannot be stored has one code, in a JSON body or in the address. */
	@Test
	void unstorableTextHasTheSameCodeInAQueryAsInABody() throws IOException {
		String answer = raw(
				"GET /api/geocode?q=Hansa%00stra%C3%9Fe HTTP/1.1\r\nHost: localhost\r\n" + "Connection: close\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 400")
			.contains("\"field\":\"q\"")
			.contains("\"code\":\"UnstorableText\"");
	}

	@Test
	void anOpen311BodyThatStopsArrivingIsA408InTheSpecificationsFormat() throws IOException {
		String answer = raw("POST /open311/v2/requests.json HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\nservice_code=");

		assertThat(answer).startsWith("HTTP/1.1 408").contains("\"code\":408").doesNotContain("Internal error");
	}

	@Test
	void anUnreachableDatabaseIsA503WithRetryAfterAndReadinessDownAndNoQueryStringInTheLog() throws SQLException {
		String marker = "Trickweg" + UUID.randomUUID().toString().substring(0, 6);
		String hex = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
		String trackingCode = hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12);
		TestDatabase.cutOffApplication(INSTANCE, true);
		try {
			this.client.get()
				.uri("/api/geocode?q=" + marker)
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals("Retry-After", "5")
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
			this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
			// A resident looking up a report was told that nothing was saved; the log
			// named the tracking code, the key to the report.
			this.client.get()
				.uri("/api/reports/" + trackingCode)
				.header("Accept-Language", "de")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals("Retry-After", "5")
				.expectBody()
				.jsonPath("$.detail")
				.isEqualTo("Wir können gerade nichts nachschlagen. Bitte versuchen Sie es in einigen Sekunden erneut.");
			// A partner app hears the same, in the specification's format.
			this.client.get()
				.uri("/open311/v2/requests.json")
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals("Retry-After", "5")
				.expectBody()
				.jsonPath("$[0].code")
				.isEqualTo(503);
		}
		finally {
			TestDatabase.cutOffApplication(INSTANCE, false);
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
		List<String> leaks = CapturedLog.lines()
			.stream()
			.filter((line) -> line.contains(marker) || line.contains(trackingCode))
			.toList();
		assertThat(leaks).isEmpty();
	}

	private WebTestClient.ResponseSpec statusLookup(String forwardedFor) {
		return this.client.get().uri("/api/reports/ABCD-EFGH-JKMN").header("X-Forwarded-For", forwardedFor).exchange();
	}

	private ResponseCookie csrfCookie(String scheme) {
		ResponseCookie cookie = this.client.get()
			.uri("/api/config")
			.header("X-Forwarded-Proto", scheme)
			.exchange()
			.returnResult(String.class)
			.getResponseCookies()
			.getFirst("XSRF-TOKEN");
		assertThat(cookie).isNotNull();
		return cookie;
	}

	/**
	 * A transfer coding the server does not apply (only chunked is) is refused, not read
	 * as if it were chunked alone; two Host headers, or none over HTTP/1.1, are refused
	 * too: a proxy in front may read them otherwise than we do.
	 */
	@Test
	void aTransferCodingOtherThanChunkedAndTwoHostHeadersOrNoneAreRefused() throws IOException {
		String gzipChunked = raw("POST /api/reports HTTP/1.1\r\nHost: localhost\r\nAccept-Language: de\r\n"
				+ "Content-Type: application/json\r\nTransfer-Encoding: gzip, chunked\r\nConnection: close\r\n\r\n"
				+ "2\r\n{}\r\n0\r\n\r\n");
		assertThat(gzipChunked).startsWith("HTTP/1.1 501")
			.contains("application/problem+json")
			.contains(asSentOverTheWire("Vom Server nicht unterstützt"));
		String twoHosts = raw("GET /api/config HTTP/1.1\r\nHost: localhost\r\nHost: elsewhere.example\r\n"
				+ "Connection: close\r\n\r\n");
		assertThat(twoHosts).startsWith("HTTP/1.1 400").contains("application/problem+json");
		String noHost = raw("GET /api/config HTTP/1.1\r\nConnection: close\r\n\r\n");
		assertThat(noHost).startsWith("HTTP/1.1 400").contains("application/problem+json");
		// HTTP/1.0 may leave it out.
		String oldClient = raw("GET /api/config HTTP/1.0\r\n\r\n");
		assertThat(oldClient).startsWith("HTTP/1.0 200");
		String chunked = raw("GET /api/config HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
				+ "Connection: close\r\n\r\n0\r\n\r\n");
		assertThat(chunked).startsWith("HTTP/1.1 200");
		// A later HTTP/1 is read and answered as HTTP/1.1; another major version is
		// refused.
		assertThat(raw("GET /api/config HTTP/1.2\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
			.startsWith("HTTP/1.1 200");
		// In HTTP/1.1, on the application's paths and Open311's alike, and the connection
		// closed.
		for (String request : List.of("GET /api/config HTTP/9.9\r\nHost: localhost\r\n\r\n",
				"POST /open311/v2/requests.json HTTP/0.9\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}")) {
			assertThat(raw(request)).startsWith("HTTP/1.1 505")
				.contains("application/problem+json")
				.containsIgnoringCase("connection: close");
		}
	}

	/**
	 * A submission whose client goes away while it is being stored is stored whole, as if
	 * the client had stayed. Cancelled with the client, its transaction was cut in half:
	 * an incident committed without its report. The report's insert is held here (a
	 * trigger sleeps) until the client is gone.
	 */
	@Test
	void aSubmissionWhoseClientLeavesWhileItIsStoredIsStoredWhole() throws Exception {
		String description = "Sperrmüll, Meldende geht mittendrin " + UUID.randomUUID();
		String body = "{\"category\":\"LITTER\",\"description\":\"" + description
				+ "\",\"location\":{\"lat\":51.5236,\"lon\":6.9286},\"language\":\"de\"}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		try (Connection database = TestDatabase.connectToTestDatabase();
				Statement statement = database.createStatement()) {
			statement.execute("CREATE FUNCTION test_hold_report() RETURNS trigger LANGUAGE plpgsql AS "
					+ "$$ BEGIN PERFORM pg_sleep(1); RETURN NEW; END $$");
			statement.execute("CREATE TRIGGER test_hold_report BEFORE INSERT ON report FOR EACH ROW "
					+ "WHEN (NEW.description LIKE 'Sperrmüll, Meldende geht mittendrin %') "
					+ "EXECUTE FUNCTION test_hold_report()");
			try {
				Socket socket = new Socket("localhost", this.port);
				OutputStream out = socket.getOutputStream();
				out.write(("POST /api/reports HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
						+ "Idempotency-Key: " + UUID.randomUUID() + "\r\nContent-Length: " + bytes.length + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.write(bytes);
				out.flush();
				await().atMost(Duration.ofSeconds(30))
					.until(() -> TestDatabase.queryLong("SELECT count(*) FROM pg_stat_activity "
							+ "WHERE wait_event = 'PgSleep' AND query LIKE '%INSERT INTO report %'") > 0);
				// Gone at once, with a reset, while the report is being stored.
				socket.setSoLinger(true, 0);
				socket.close();
				await().atMost(Duration.ofSeconds(30))
					.until(() -> TestDatabase
						.queryLong("SELECT count(*) FROM report WHERE description = '" + description + "'") == 1);
			}
			finally {
				statement.execute("DROP TRIGGER test_hold_report ON report");
				statement.execute("DROP FUNCTION test_hold_report()");
			}
		}
		// With its incident, its event on the boards and its answer for a retry.
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM report r JOIN incident i ON i.id = r.incident_id "
				+ "JOIN idempotency_key k ON k.response_body LIKE '%' || r.tracking_code || '%' "
				+ "WHERE r.description = '" + description + "'"))
			.isOne();
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM board_event e JOIN report r ON r.incident_id = "
				+ "e.incident_id WHERE r.description = '" + description + "'"))
			.isPositive();
	}

	/**
	 * A client that resets its connection while a command's body is read has left: said
	 * at debug, not as an ERROR with its stack trace, which anyone could write into the
	 * log at any rate.
	 */
	@Test
	void aClientResettingWhileItsBodyIsReadIsNoErrorInTheLog() throws Exception {
		// Its debug line is the signal that the reset arrived; the level is the JVM's, so
		// it is set for this test alone.
		Logger dropped = (Logger) LoggerFactory.getLogger(DroppedErrors.class);
		dropped.setLevel(Level.DEBUG);
		try {
			resetWhileTheBodyIsRead();
		}
		finally {
			dropped.setLevel(null);
		}
		assertThat(CapturedLog.lines()).noneMatch((line) -> line.contains("An error arrived after its stream had ended")
				&& line.contains("Connection reset"));
		assertThat(CapturedLog.lines()).noneMatch((line) -> line.contains("Request POST /api/reports failed"));
	}

	private void resetWhileTheBodyIsRead() throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/reports HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Idempotency-Key: " + UUID.randomUUID()
					+ "\r\nContent-Length: 200\r\nExpect: 100-continue\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// The server asks for the body once the handler reads it.
			assertThat(readHeaders(socket.getInputStream())).startsWith("HTTP/1.1 100");
			out.write("{\"category\":\"LITT".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			socket.setSoLinger(true, 0);
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> CapturedLog.lines()
				.stream()
				.anyMatch((line) -> line.startsWith("de.quartierdispatch.system.DroppedErrors Dropped after its stream")
						&& line.contains("Connection reset")));
	}

	/** Sends bytes as they are and reads the answer until the server closes. */
	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			byte[] buffer = new byte[16384];
			StringBuilder answer = new StringBuilder();
			InputStream in = socket.getInputStream();
			int read;
			while ((read = in.read(buffer)) > 0) {
				answer.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
				if (answer.indexOf("\r\n\r\n") > 0 && answer.indexOf("}") > 0) {
					break;
				}
			}
			return answer.toString();
		}
	}

	/** How {@link #raw} reads UTF-8 text: byte for byte. */
	private static String asSentOverTheWire(String text) {
		return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

	private static int readOrClosed(InputStream in) {
		try {
			return in.read();
		}
		catch (IOException ex) {
			// A reset counts as closed.
			return -1;
		}
	}

	/** A WebSocket frame as read off the connection. */
	private record Frame(int opcode, byte[] payload) {

		String text() {
			return new String(this.payload, StandardCharsets.UTF_8);
		}

		int closeCode() {
			return ((this.payload[0] & 0xff) << 8) | (this.payload[1] & 0xff);
		}

	}

}
