package de.quartierdispatch.intake;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.TestDatabase;
import de.quartierdispatch.system.TextNormalizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything the public side can be sent that it should not be: every line of the Big
 * List of Naughty Strings in every text field, sizes, types, encodings, content types,
 * coordinates at and beyond the edges, repeated and concurrent idempotency keys. Every
 * answer is 2xx or 4xx, never 5xx, and afterwards the database holds exactly the reports
 * that were accepted, each with its incident, stored as sent (cleaned, not altered).
 */
@IntegrationTest
class PublicIntakeAbuseIntegrationTests {

	private static final double LAT = 51.5236;

	private static final double LON = 6.9286;

	@Autowired
	private WebTestClient client;

	@Autowired
	private JsonMapper json;

	private final Set<String> accepted = new HashSet<>();

	private final Map<String, String> acceptedDescriptions = new HashMap<>();

	private long lastReportBefore;

	private long lastIncidentBefore;

	@BeforeEach
	void rememberWhereTheDatabaseStood() throws SQLException {
		this.lastReportBefore = single("SELECT coalesce(max(id), 0) FROM report");
		this.lastIncidentBefore = single("SELECT coalesce(max(id), 0) FROM incident");
	}

	@Test
	void everyNaughtyStringInEveryTextFieldIsAnsweredWithout5xxAndStoredAsSent() throws Exception {
		List<String> naughty = this.json.readValue(new ClassPathResource("naughty/blns.json").getInputStream(),
				new TypeReference<List<String>>() {
				});
		for (String text : naughty) {
			submit(report(Map.of("description", "Beschwerde: " + text)));
			submit(report(Map.of("description", text)));
			submit(report(Map.of("address", text)));
			submit(report(Map.of("category", text)));
			submit(report(Map.of("language", text)));
			submit(report(Map.of("contact", contact("name", text), "consent", true)));
			submit(report(Map.of("contact", contact("email", text), "consent", true)));
			lookUp(text);
		}
		assertOnlyAcceptedReportsWereStored();
		assertDescriptionsStoredAsSent();
	}

	@Test
	void descriptionLengthIsCountedInCharactersNotBytes() throws SQLException {
		assertThat(submit(report(Map.of("description", "a".repeat(9)))).value()).isEqualTo(422);
		assertThat(submit(report(Map.of("description", "a".repeat(10)))).value()).isEqualTo(201);
		assertThat(submit(report(Map.of("description", "ü".repeat(2000)))).value()).isEqualTo(201);
		assertThat(submit(report(Map.of("description", "ü".repeat(2001)))).value()).isEqualTo(422);
		assertThat(submit(report(Map.of("description", "😀".repeat(10)))).value()).isEqualTo(201);
		// Text PostgreSQL cannot store is refused at the edge (400), before length
		// checks.
		assertThat(submit(report(Map.of("description", "\u0000".repeat(50) + "short"))).value()).isEqualTo(400);
		assertOnlyAcceptedReportsWereStored();
	}

	@Test
	void oversizedBodiesAre413() throws SQLException {
		byte[] large = ("{\"category\":\"NOISE\",\"description\":\"" + "x".repeat(70_000) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(raw(large, MediaType.APPLICATION_JSON).value()).isEqualTo(413);
		assertOnlyAcceptedReportsWereStored();
	}

	@Test
	void malformedBodiesAndWrongTypesAre400() throws SQLException {
		for (String body : List.of("", "{", "[]", "null", "\"text\"", "42", "{\"category\": }", "{\"a\":1}{\"b\":2}",
				"{\"category\":\"NOISE\",\"description\":12345678901,\"location\":{\"lat\":51.5,\"lon\":6.9},\"language\":\"de\"}",
				"{\"category\":\"NOISE\",\"description\":\"Laute Musik im Hof\",\"location\":\"here\",\"language\":\"de\"}",
				"{\"category\":\"NOISE\",\"description\":\"Laute Musik im Hof\",\"location\":{\"lat\":NaN,\"lon\":6.9},\"language\":\"de\"}",
				"{\"category\":\"NOISE\",\"description\":\"Laute Musik im Hof\",\"location\":{\"lat\":51.5},\"language\":\"de\"}",
				"{\"category\":[\"NOISE\"],\"description\":\"Laute Musik im Hof\",\"location\":{\"lat\":51.5,\"lon\":6.9},\"language\":\"de\"}",
				"{\"category\":\"NOISE\",\"description\":\"Laute Musik im Hof\",\"location\":{\"lat\":51.5,\"lon\":6.9},\"language\":\"de\",\"flags\":[\"NOPE\"]}",
				"{\"category\":\"NOISE\",\"description\":\"Laute Musik im Hof\",\"location\":{\"lat\":51.5,\"lon\":6.9},\"language\":\"de\",\"flags\":\"AGGRESSION\"}")) {
			assertThat(raw(body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON).value()).as(body)
				.isEqualTo(400);
		}
		assertOnlyAcceptedReportsWereStored();
	}

	@Test
	void wrongContentTypesAre415() throws SQLException {
		byte[] body = this.json.writeValueAsBytes(report(Map.of()));
		for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED,
				MediaType.APPLICATION_XML, MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_OCTET_STREAM)) {
			assertThat(raw(body, type).value()).as(type.toString()).isEqualTo(415);
		}
		assertOnlyAcceptedReportsWereStored();
	}

	@Test
	void brokenEncodingsNeverReach500() throws SQLException {
		byte[] invalidUtf8 = "{\"category\":\"NOISE\",\"description\":\"Laute Musik \u00ff\u00fe im Hof\",\"location\":{\"lat\":51.5236,\"lon\":6.9286},\"language\":\"de\"}"
			.getBytes(StandardCharsets.ISO_8859_1);
		byte[] utf16 = "{\"category\":\"NOISE\",\"description\":\"Laute Musik im Hof\",\"location\":{\"lat\":51.5236,\"lon\":6.9286},\"language\":\"de\"}"
			.getBytes(StandardCharsets.UTF_16);
		byte[] loneSurrogate = "{\"category\":\"NOISE\",\"description\":\"Laute Musik \\ud800 im Hof\",\"location\":{\"lat\":51.5236,\"lon\":6.9286},\"language\":\"de\"}"
			.getBytes(StandardCharsets.UTF_8);
		for (byte[] body : List.of(invalidUtf8, utf16, loneSurrogate)) {
			HttpStatusCode status = raw(body, MediaType.APPLICATION_JSON);
			assertThat(status.is4xxClientError() || status.value() == 201)
				.as(new String(body, StandardCharsets.ISO_8859_1))
				.isTrue();
		}
		assertOnlyAcceptedReportsWereStored();
	}

	@Test
	void coordinatesAtAndBeyondTheEdges() throws SQLException {
		Map<List<Double>, Integer> expected = new LinkedHashMap<>();
		expected.put(List.of(90.0, 180.0), 422);
		expected.put(List.of(-90.0, -180.0), 422);
		expected.put(List.of(0.0, 0.0), 422);
		expected.put(List.of(90.000001, 6.9), 400);
		expected.put(List.of(-90.000001, 6.9), 400);
		expected.put(List.of(51.5, 180.000001), 400);
		expected.put(List.of(51.5, -180.000001), 400);
		expected.put(List.of(1e308, 6.9), 400);
		expected.put(List.of(-1e308, 6.9), 400);
		expected.put(List.of(51.5236, 6.9286), 201);
		expected.forEach((point,
				status) -> assertThat(
						submit(report(Map.of("location", Map.of("lat", point.get(0), "lon", point.get(1))))).value())
					.as(point.toString())
					.isEqualTo(status));
		String huge = "{\"category\":\"NOISE\",\"description\":\"Laute Musik im Hof\",\"location\":{\"lat\":1e400,\"lon\":6.9},\"language\":\"de\"}";
		assertThat(raw(huge.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON).value()).isEqualTo(400);
		assertOnlyAcceptedReportsWereStored();
	}

	@Test
	void theSameKeyAnswersTheSameAndStoresOnce() throws SQLException {
		Map<String, Object> body = report(Map.of());
		String key = UUID.randomUUID().toString();
		EntityExchangeResult<String> first = post(body, key);
		EntityExchangeResult<String> second = post(body, key);
		assertThat(first.getStatus().value()).isEqualTo(201);
		assertThat(second.getStatus().value()).isEqualTo(201);
		assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
		assertThat(second.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(post(report(Map.of("description", "Eine ganz andere Meldung")), key).getStatus().value())
			.isEqualTo(422);
		record(first);
		assertOnlyAcceptedReportsWereStored();
	}

	@Test
	void concurrentRetriesWithOneKeyStoreOneReport() throws Exception {
		Map<String, Object> body = report(Map.of());
		String key = UUID.randomUUID().toString();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<CompletableFuture<EntityExchangeResult<String>>> attempts = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				attempts.add(CompletableFuture.supplyAsync(() -> post(body, key), pool));
			}
			Set<String> codes = new HashSet<>();
			for (CompletableFuture<EntityExchangeResult<String>> attempt : attempts) {
				EntityExchangeResult<String> result = attempt.get();
				assertThat(result.getStatus().value()).isIn(201, 409);
				if (result.getStatus().value() == 201) {
					codes.add(record(result));
				}
			}
			assertThat(codes).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertOnlyAcceptedReportsWereStored();
	}

	@Test
	void submissionsWithoutAUsableKeyOrWithTheHiddenFieldFilledAre400() throws SQLException {
		for (String key : new String[] { null, "", "short", "x".repeat(129), "key with spaces", "ключ-ключ-ключ" }) {
			EntityExchangeResult<String> refused = post(report(Map.of()), key);
			assertThat(refused.getStatus().value()).as(String.valueOf(key)).isEqualTo(400);
			// A client is told whether its key was missing or malformed.
			assertThat(refused.getResponseBody()).as(String.valueOf(key))
				.contains((key == null || key.isEmpty()) ? "idempotency-key-missing" : "idempotency-key-invalid");
		}
		assertThat(submit(report(Map.of("website", "http://spam.example"))).value()).isEqualTo(400);
		assertOnlyAcceptedReportsWereStored();
	}

	// ---------------------------------------------------------------------------------------

	private Map<String, Object> report(Map<String, Object> overrides) {
		Map<String, Object> report = new HashMap<>();
		report.put("category", "NOISE");
		report.put("description", "Laute Musik im Hinterhof, jede Nacht.");
		report.put("location", Map.of("lat", LAT, "lon", LON));
		report.put("language", "de");
		report.putAll(overrides);
		return report;
	}

	private static Map<String, Object> contact(String field, String value) {
		return Map.of(field, value);
	}

	private HttpStatusCode submit(Map<String, Object> body) {
		EntityExchangeResult<String> result = post(body, UUID.randomUUID().toString());
		if (result.getStatus().value() == 201) {
			String code = record(result);
			this.acceptedDescriptions.put(code, (String) body.get("description"));
		}
		return result.getStatus();
	}

	private EntityExchangeResult<String> post(Map<String, Object> body, String key) {
		WebTestClient.RequestBodySpec request = this.client.post()
			.uri("/api/reports")
			.contentType(MediaType.APPLICATION_JSON);
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		EntityExchangeResult<String> result = request.bodyValue(body)
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertNoServerError(result);
		return result;
	}

	private HttpStatusCode raw(byte[] body, MediaType type) {
		EntityExchangeResult<String> result = this.client.post()
			.uri("/api/reports")
			.contentType(type)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue(body)
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertNoServerError(result);
		if (result.getStatus().value() == 201) {
			record(result);
		}
		return result.getStatus();
	}

	private void lookUp(String text) {
		EntityExchangeResult<String> result = this.client.get()
			.uri((builder) -> builder.path("/api/reports/{code}").build(text))
			.exchange()
			.expectBody(String.class)
			.returnResult();
		assertNoServerError(result);
		assertThat(result.getStatus().value()).as(text).isIn(400, 404);
	}

	private static void assertNoServerError(EntityExchangeResult<String> result) {
		assertThat(result.getStatus().is5xxServerError())
			.as("%s answered %s: %s", result.getUrl(), result.getStatus(), result.getResponseBody())
			.isFalse();
		if (!result.getStatus().is2xxSuccessful()) {
			assertThat(result.getResponseHeaders().getContentType())
				.as("%s answered %s", result.getUrl(), result.getStatus())
				.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(result.getResponseBody()).doesNotContain("Exception")
				.doesNotContain("at de.")
				.doesNotContain("SQL");
		}
	}

	private String record(EntityExchangeResult<String> result) {
		String code = this.json.readTree(result.getResponseBody()).get("trackingCode").asString();
		this.accepted.add(code);
		return code;
	}

	private void assertOnlyAcceptedReportsWereStored() throws SQLException {
		Set<String> stored = new HashSet<>();
		try (Connection connection = TestDatabase.connectToTestDatabase();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT tracking_code FROM report WHERE id > " + this.lastReportBefore)) {
			while (rows.next()) {
				stored.add(rows.getString(1));
			}
		}
		assertThat(stored).isEqualTo(this.accepted);
		long incidents = single("SELECT count(*) FROM incident WHERE id > " + this.lastIncidentBefore);
		assertThat(incidents).as("every accepted public report opened its own incident")
			.isEqualTo(this.accepted.size());
	}

	private void assertDescriptionsStoredAsSent() throws SQLException {
		try (Connection connection = TestDatabase.connectToTestDatabase();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT tracking_code, description FROM report WHERE id > " + this.lastReportBefore)) {
			while (rows.next()) {
				String sent = this.acceptedDescriptions.get(rows.getString(1));
				if (sent != null) {
					assertThat(rows.getString(2)).isEqualTo(TextNormalizer.clean(sent));
				}
			}
		}
	}

	private static long single(String sql) throws SQLException {
		try (Connection connection = TestDatabase.connectToTestDatabase();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}

}
