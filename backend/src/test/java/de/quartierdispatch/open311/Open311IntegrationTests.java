package de.quartierdispatch.open311;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import de.quartierdispatch.support.BoardClient;
import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open311 GeoReport v2 as a partner app uses it, over real HTTP: services and
 * definitions, reports in form encoding and multipart with a photo through the form's
 * intake onto the board, refusals in the specification's format, and the public view of
 * requests. Every answer is checked against the XML or JSON schema.
 */
@IntegrationTest
class Open311IntegrationTests {

	private static final String LAT = "51.5236";

	private static final String LON = "6.9286";

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Test
	void servicesAndTheirDefinitionsAnswerInJsonAndXmlInTheLanguageAskedFor() throws Exception {
		Open311Client open311 = new Open311Client(this.port);
		JsonNode services = Open311Client.validJson(open311.get("services.json"), "services");
		assertThat(services.findValuesAsString("service_code")).contains("NOISE", "LITTER", "OTHER");
		assertThat(serviceName(services, "NOISE")).isEqualTo("Lärm");
		// Every key the XML carries, also without a value (null, as the specification's
		// examples write it).
		assertThat(services.get(0).has("group")).isTrue();
		assertThat(services.get(0).get("group").isNull()).isTrue();
		assertThat(serviceName(Open311Client.validJson(open311.get("services.json?locale=ar"), "services"), "NOISE"))
			.isEqualTo("ضوضاء");
		String xml = Open311Client.validXml(open311.get("services.xml?locale=en_GB"));
		assertThat(xml).contains("<service_code>NOISE</service_code><service_name>Noise</service_name>");
		// No suffix: the Accept header decides, JSON by default.
		Open311Client.validXml(open311.get("services", "Accept", "text/xml"));
		Open311Client.validJson(open311.get("services"), "services");

		JsonNode definition = Open311Client.validJson(open311.get("services/NOISE.json?locale=en"),
				"service_definition");
		assertThat(definition.get("service_code").asString()).isEqualTo("NOISE");
		assertThat(definition.get("attributes").get(0).get("code").asString()).isEqualTo("FLAGS");
		assertThat(definition.get("attributes").get(0).findValuesAsString("key")).containsExactly("AGGRESSION", "YOUTH",
				"RECURRING");
		assertThat(Open311Client.validXml(open311.get("services/NOISE.xml"))).contains("<datatype>multivaluelist");
		HttpResponse<String> unknown = open311.get("services/NO_SUCH.xml");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(Open311Client.validXml(unknown)).contains("<code>404</code>");

		Open311Client.validXml(open311.get("discovery.xml"));
		assertThat(open311.get("discovery.json").body()).contains("http://wiki.open311.org/GeoReport_v2");
	}

	@Test
	void aFormEncodedReportRunsTheFormsIntakeAndReachesTheBoardWithChannelOpen311() throws Exception {
		String app = "Mängelmelder " + UUID.randomUUID().toString().substring(0, 6);
		String key = issueKey(app, 1000);
		long since = TestDatabase.queryLong("SELECT last_seq FROM board_event_sequence");
		try (BoardClient board = BoardClient.connect(this.port, StaffLogin.sessionToken(this.client, "dispatcher"),
				since)) {
			Map<String, List<String>> form = Map.of("api_key", List.of(key), "service_code", List.of("NOISE"), "lat",
					List.of(LAT), "long", List.of(LON), "description",
					List.of("Laute Musik seit Stunden " + UUID.randomUUID()), "attribute[FLAGS][]",
					List.of("YOUTH", "RECURRING"), "locale", List.of("de_DE"), "email", List.of("anna@example.org"));
			HttpResponse<String> posted = new Open311Client(this.port).postForm("requests.json", form);
			assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
			String id = Open311Client.validJson(posted, "service_requests").get(0).get("service_request_id").asString();

			JsonNode opened = board.await((event) -> "INCIDENT_OPENED".equals(event.path("type").asString())
					&& app.equals(event.path("data").path("source").asString()), Duration.ofSeconds(20));
			assertThat(opened.path("data").path("channel").asString()).isEqualTo("OPEN311");
			assertThat(TestDatabase.queryString("SELECT channel || '|' || source_name || '|' || array_to_string(flags, "
					+ "',') FROM report WHERE id = " + id))
				.isEqualTo("OPEN311|" + app + "|RECURRING,YOUTH");
			assertThat(TestDatabase.queryLong("SELECT count(*) FROM reporter_contact WHERE report_id = " + id))
				.as("contact details from partner apps are not stored")
				.isZero();
			assertThat(TestDatabase.queryLong("SELECT count(*) FROM audit_log WHERE action = "
					+ "'OPEN311_REPORT_RECEIVED' AND report_id = " + id))
				.isEqualTo(1);

			// The same report again (a retry) is the same request, stored once.
			HttpResponse<String> again = new Open311Client(this.port).postForm("requests.json", form);
			assertThat(Open311Client.validJson(again, "service_requests").get(0).get("service_request_id").asString())
				.isEqualTo(id);
			assertThat(TestDatabase.queryLong("SELECT count(*) FROM report WHERE source_name = '" + app + "'"))
				.isEqualTo(1);

			// Another resident's same complaint through the same app (GeoReport clients
			// send no key) is a report of its own, with its own tracking code.
			Map<String, List<String>> neighbour = new HashMap<>(form);
			neighbour.put("email", List.of("bernd@example.org"));
			neighbour.put("device_id", List.of("device-b"));
			HttpResponse<String> other = new Open311Client(this.port).postForm("requests.json", neighbour);
			assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
			assertThat(Open311Client.validJson(other, "service_requests").get(0).get("service_request_id").asString())
				.isNotEqualTo(id);
			assertThat(TestDatabase.queryLong("SELECT count(*) FROM report WHERE source_name = '" + app + "'"))
				.isEqualTo(2);
		}
	}

	@Test
	void aMultipartReportCarriesAPhotoThatMustBeAnImage() throws Exception {
		String key = issueKey("Foto-App " + UUID.randomUUID().toString().substring(0, 6), 1000);
		Open311Client open311 = new Open311Client(this.port);
		Map<String, String> fields = Map.of("api_key", key, "service_code", "LITTER", "lat", LAT, "long", LON,
				"description", "Sperrmüll auf dem Gehweg " + UUID.randomUUID());
		HttpResponse<String> posted = open311.postMultipart("requests.xml", fields, png(), "image/png");
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
		assertThat(Open311Client.validXml(posted)).contains("<service_request_id>").doesNotContain("nicht gespeichert");
		String requestId = Open311Client.validXml(posted).replaceAll("(?s).*<service_request_id>(\\d+)<.*", "$1");
		assertThat(TestDatabase
			.queryLong("SELECT count(*) FROM photo WHERE report_id = " + requestId + " AND uploaded_by = 'open311'"))
			.as("the photo is kept with the report")
			.isEqualTo(1);

		long reports = TestDatabase.queryLong("SELECT count(*) FROM report");
		Map<String, String> other = Map.of("api_key", key, "service_code", "LITTER", "lat", LAT, "long", LON,
				"description", "Noch mehr Sperrmüll " + UUID.randomUUID());
		HttpResponse<String> notAnImage = open311.postMultipart("requests.json", other,
				"<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "image/png");
		assertThat(notAnImage.statusCode()).isEqualTo(400);
		assertThat(Open311Client.validJson(notAnImage, "errors").get(0).get("description").asString())
			.contains("media");

		// Two photos: one request carries one, the second is not dropped without a word.
		java.io.ByteArrayOutputStream twoPhotos = new java.io.ByteArrayOutputStream();
		for (Map.Entry<String, String> field : other.entrySet()) {
			twoPhotos.writeBytes(("--x\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		for (int photo = 0; photo < 2; photo++) {
			twoPhotos.writeBytes(("--x\r\nContent-Disposition: form-data; name=\"media\"; filename=\"p" + photo
					+ ".png\"\r\nContent-Type: image/png\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			twoPhotos.writeBytes(png());
			twoPhotos.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		twoPhotos.writeBytes("--x--\r\n".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> twice = open311.post("requests.json", "multipart/form-data; boundary=x",
				twoPhotos.toByteArray());
		assertThat(twice.statusCode()).as(twice.body()).isEqualTo(400);
		assertThat(Open311Client.validJson(twice, "errors").get(0).get("description").asString())
			.isEqualTo("media was given more than once");
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM report")).isEqualTo(reports);
	}

	@Test
	void missingWrongOrRevokedKeysAndOtherJurisdictionsAreRefusedInTheSpecificationsFormat() throws Exception {
		Open311Client open311 = new Open311Client(this.port);
		Map<String, List<String>> report = Map.of("service_code", List.of("NOISE"), "lat", List.of(LAT), "long",
				List.of(LON), "description", List.of("Laute Musik die ganze Nacht"));

		HttpResponse<String> missing = open311.postForm("requests.json", report);
		assertThat(missing.statusCode()).isEqualTo(403);
		assertThat(Open311Client.validJson(missing, "errors").get(0).get("code").asInt()).isEqualTo(403);

		HttpResponse<String> wrong = open311.postForm("requests.xml?api_key=qd311_wrong", report);
		assertThat(wrong.statusCode()).isEqualTo(403);
		assertThat(Open311Client.validXml(wrong)).contains("<code>403</code>");

		String key = issueKey("Widerrufen " + UUID.randomUUID().toString().substring(0, 6), 1000);
		long id = TestDatabase
			.queryLong("SELECT id FROM open311_api_key WHERE key_hash = sha256(convert_to('" + key + "', 'UTF8'))");
		StaffLogin.as(this.client, "admin")
			.delete()
			.uri("/api/admin/open311/keys/" + id)
			.exchange()
			.expectStatus()
			.isOk();
		HttpResponse<String> revoked = open311.postForm("requests.xml", with(report, "api_key", key));
		assertThat(revoked.statusCode()).isEqualTo(403);
		assertThat(Open311Client.validXml(revoked)).contains("revoked");
		assertThat(Open311Client.validJson(open311.postForm("requests.json", with(report, "api_key", key)), "errors"))
			.hasSize(1);

		HttpResponse<String> elsewhere = open311.get("services.xml?jurisdiction_id=elsewhere.example");
		assertThat(elsewhere.statusCode()).isEqualTo(404);
		assertThat(Open311Client.validXml(elsewhere)).contains("jurisdiction_id");
		// A parameter echoed in an error with characters XML cannot carry: still XML a
		// parser reads.
		for (String odd : new String[] { "%01%02", "%EF%BF%BE", "%1B" }) {
			HttpResponse<String> echoed = open311.get("requests.xml?jurisdiction_id=" + odd);
			assertThat(echoed.statusCode()).isEqualTo(404);
			assertThat(Open311Client.validXml(echoed)).contains("jurisdiction_id");
			assertThat(Open311Client.validXml(open311.get("requests.xml?status=" + odd))).contains("status");
		}
		HttpResponse<String> elsewhereJson = open311.postForm("requests.json",
				with(with(report, "api_key", key), "jurisdiction_id", "elsewhere.example"));
		assertThat(elsewhereJson.statusCode()).isEqualTo(404);
		Open311Client.validJson(elsewhereJson, "errors");

		String valid = issueKey("Gültig " + UUID.randomUUID().toString().substring(0, 6), 1000);
		HttpResponse<String> unknownService = open311.postForm("requests.json",
				with(with(report, "api_key", valid), "service_code", "POTHOLE"));
		assertThat(unknownService.statusCode()).as("not found, as by path: the app's list is out of date")
			.isEqualTo(404);
		assertThat(Open311Client.validJson(unknownService, "errors").get(0).get("description").asString())
			.isEqualTo("service_code POTHOLE not found");
		assertThat(open311.postForm("requests.xml", with(with(report, "api_key", valid), "service_code", "POTHOLE"))
			.statusCode()).isEqualTo(404);
	}

	@Test
	void eachKeyHasItsOwnRateLimit() throws Exception {
		String key = issueKey("Sparsam " + UUID.randomUUID().toString().substring(0, 6), 1);
		Open311Client open311 = new Open311Client(this.port);
		HttpResponse<String> first = open311.postForm("requests.json",
				Map.of("api_key", List.of(key), "service_code", List.of("NOISE"), "lat", List.of(LAT), "long",
						List.of(LON), "description", List.of("Erste Meldung " + UUID.randomUUID())));
		assertThat(first.statusCode()).isEqualTo(201);
		HttpResponse<String> second = open311.postForm("requests.xml",
				Map.of("api_key", List.of(key), "service_code", List.of("NOISE"), "lat", List.of(LAT), "long",
						List.of(LON), "description", List.of("Zweite Meldung " + UUID.randomUUID())));
		assertThat(second.statusCode()).isEqualTo(429);
		assertThat(Open311Client.validXml(second)).contains("<code>429</code>");
		assertThat(second.headers().firstValue("Retry-After")).isPresent();
		assertThat(second.body()).contains("Please wait").doesNotContain("{0");
	}

	/**
	 * Apps' keys and residents' keys share one table: a resident's key written the way an
	 * app's used to be stored does not take the app's submission.
	 */
	@Test
	void aResidentsIdempotencyKeyCannotTakeAnAppsSubmission() throws Exception {
		String key = issueKey("Namensraum " + UUID.randomUUID().toString().substring(0, 6), 100);
		long app = TestDatabase
			.queryLong("SELECT id FROM open311_api_key WHERE key_prefix = '" + key.substring(0, 10) + "'");
		String given = "naechste-" + UUID.randomUUID();
		for (String claimed : List.of("open311:" + app + ":" + given, "open311/" + app + "/" + given)) {
			this.client.post()
				.uri("/api/reports")
				.header("Idempotency-Key", claimed)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("category", "NOISE", "description", "Vorab beansprucht", "language", "de", "location",
						Map.of("lat", Double.parseDouble(LAT), "lon", Double.parseDouble(LON))))
				.exchange()
				.expectStatus()
				.value((status) -> assertThat(status).isIn(201, 400));
		}
		HttpResponse<String> posted = new Open311Client(this.port).postForm(
				"requests.json", Map.of("api_key", List.of(key), "service_code", List.of("NOISE"), "lat", List.of(LAT),
						"long", List.of(LON), "description", List.of("Laute Musik " + given)),
				"Idempotency-Key", given);
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
	}

	/** An app's key used again for other content is told in words for its developer. */
	@Test
	void anAppsKeyUsedAgainForOtherContentIsRefusedInWordsForTheAppsDeveloper() throws Exception {
		String key = issueKey("Wieder " + UUID.randomUUID().toString().substring(0, 6), 100);
		Open311Client open311 = new Open311Client(this.port);
		String given = "app-req-" + UUID.randomUUID();
		for (String description : List.of("Laute Musik im Hof " + given, "Müll am Spielplatz " + given)) {
			HttpResponse<String> posted = open311.postForm(
					"requests.json", Map.of("api_key", List.of(key), "service_code", List.of("NOISE"), "lat",
							List.of(LAT), "long", List.of(LON), "description", List.of(description)),
					"Idempotency-Key", given);
			if (description.startsWith("Laute")) {
				assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
			}
			else {
				assertThat(posted.statusCode()).isEqualTo(422);
				assertThat(Open311Client.validJson(posted, "errors").get(0).get("description").asString())
					.contains("Idempotency-Key was already used")
					.doesNotContain("reload");
			}
		}
	}

	@Test
	void anAppsIdempotencyKeyTooLongForItsIndexIsRefusedInTheSpecificationsFormat() throws Exception {
		String key = issueKey("Lange Schlüssel " + UUID.randomUUID().toString().substring(0, 6), 100);
		String description = "Laute Musik " + UUID.randomUUID();
		HttpResponse<String> posted = new Open311Client(this.port).postForm(
				"requests.json", Map.of("api_key", List.of(key), "service_code", List.of("NOISE"), "lat", List.of(LAT),
						"long", List.of(LON), "description", List.of(description)),
				"Idempotency-Key", "k".repeat(3000));
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(400);
		assertThat(Open311Client.validJson(posted, "errors")).isNotNull();
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM report WHERE description = '" + description + "'"))
			.isZero();
	}

	@Test
	void brokenBodiesAreTheClientsErrorsInTheSpecificationsFormat() throws Exception {
		String key = issueKey("Kaputt " + UUID.randomUUID().toString().substring(0, 6), 100);
		Open311Client open311 = new Open311Client(this.port);
		String field = "Content-Disposition: form-data; name=\"api_key\"\r\n\r\n" + key + "\r\n";

		assertThat(open311.post("requests.json", "application/x-www-form-urlencoded", "api_key=" + key + "&lat=%zz")
			.statusCode()).isEqualTo(400);
		// A method no one here implements: the client's refusal, not our failure.
		HttpResponse<String> brew = open311.send("BREW", "services.json");
		assertThat(brew.statusCode()).isEqualTo(501);
		assertThat(Open311Client.validJson(brew, "errors").get(0).get("description").asString())
			.isEqualTo("Method BREW is not implemented");
		// A field that takes one value, given twice: which was meant cannot be told.
		HttpResponse<String> twice = open311.post("requests.json", "application/x-www-form-urlencoded", "api_key=" + key
				+ "&service_code=LITTER&service_code=NOISE&lat=51.5226&long=6.9286&description=Zweimal+gesagt");
		assertThat(twice.statusCode()).isEqualTo(400);
		assertThat(Open311Client.validJson(twice, "errors").get(0).get("description").asString())
			.isEqualTo("service_code was given more than once");
		// A path the firewall refuses (a ";", an encoded "%") is an error in the
		// specification's format too.
		for (String path : new String[] { "requests/1%3B.json", "services/%25.json" }) {
			HttpResponse<String> refused = open311.get(path);
			assertThat(refused.statusCode()).as(path).isEqualTo(400);
			assertThat(Open311Client.validJson(refused, "errors").get(0).get("code").asInt()).isEqualTo(400);
		}
		assertThat(Open311Client.validXml(open311.get("requests/1%3B.xml")))
			.contains("<errors><error><code>400</code>");
		// The fields as JSON: said so, not "api_key was not provided".
		HttpResponse<String> json = open311.post("requests.json", "application/json",
				"{\"api_key\": \"" + key + "\", \"service_code\": \"NOISE\"}");
		assertThat(json.statusCode()).isEqualTo(415);
		assertThat(Open311Client.validJson(json, "errors").get(0).get("description").asString())
			.contains("application/x-www-form-urlencoded");
		assertThat(open311.post("requests.json", "multipart/form-data", "--x\r\n" + field + "--x--\r\n").statusCode())
			.isEqualTo(400);
		assertThat(open311
			.post("requests.json", "multipart/form-data; boundary=x",
					"--x\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--x--\r\n")
			.statusCode()).isEqualTo(400);
		assertThat(open311
			.post("requests.json", "multipart/form-data; boundary=x",
					"--x\r\n" + field + "--x\r\n"
							+ "Content-Disposition: form-data; name=\"description\"\r\n\r\nabgeschnitt")
			.statusCode()).isEqualTo(400);
		// More parts than any submission has: refused while reading, before the key.
		String part = "--x\r\nContent-Disposition: form-data; name=\"attribute[n]\"\r\n\r\n1\r\n";
		assertThat(open311.post("requests.json", "multipart/form-data; boundary=x", part.repeat(200) + "--x--\r\n")
			.statusCode()).isIn(400, 413);
		HttpResponse<String> oversized = oversized(open311, key);
		assertThat(oversized.statusCode()).isEqualTo(413);
		assertThat(Open311Client.validXml(oversized)).contains("<code>413</code>");
	}

	/**
	 * A body over the limit. The server answers 413 as soon as it has read the limit and
	 * closes the connection with the rest unread; the client, still sending, may then
	 * meet the reset before it reads the answer (TCP's way with unread data), as any
	 * client may: it tries again, as a client would.
	 */
	private static HttpResponse<String> oversized(Open311Client open311, String key) throws Exception {
		for (int attempt = 1;; attempt++) {
			try {
				return open311.post("requests.xml", "application/x-www-form-urlencoded",
						"api_key=" + key + "&description=" + "a".repeat(100_000));
			}
			catch (IOException reset) {
				if (attempt == 3) {
					throw reset;
				}
			}
		}
	}

	/**
	 * A form is read as UTF-8 unless it names its charset: Latin-1's "ß" ({@code %DF}) is
	 * refused, not stored as a replacement character; named, it is read as meant.
	 */
	@Test
	void aFormInAnotherCharsetIsReadOnlyWhenItSaysSo() throws Exception {
		String key = issueKey("Latin " + UUID.randomUUID().toString().substring(0, 6), 100);
		Open311Client open311 = new Open311Client(this.port);
		String marker = UUID.randomUUID().toString();
		String form = "api_key=" + key + "&service_code=LITTER&lat=51.52371&long=6.92874&description=Sperrm%FCll+"
				+ marker + "+in+der+Stra%DFe";

		HttpResponse<String> unnamed = open311.post("requests.json", "application/x-www-form-urlencoded", form);
		assertThat(unnamed.statusCode()).isEqualTo(400);
		assertThat(Open311Client.validJson(unnamed, "errors").get(0).get("code").asInt()).isEqualTo(400);
		// Named, as in a query or a multipart part: the partner's developer knows what to
		// fix.
		assertThat(Open311Client.validJson(unnamed, "errors").get(0).get("description").asString())
			.startsWith("description: ");
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM report WHERE description LIKE '%" + marker + "%'"))
			.isZero();

		// Declared US-ASCII, which "ü" is not: decoded with a replacement character, and
		// refused as such.
		HttpResponse<String> ascii = open311.post("requests.json",
				"application/x-www-form-urlencoded; charset=US-ASCII", form);
		assertThat(ascii.statusCode()).isEqualTo(400);
		assertThat(Open311Client.validJson(ascii, "errors").get(0).get("description").asString())
			.startsWith("description: ");

		// The same in a multipart field: the reader made replacement characters of it,
		// and a NUL would have been dropped.
		for (byte[] text : new byte[][] { { 'S', 't', 'r', 'a', (byte) 0xDF, 'e' }, { 'S', 't', 'r', 0, 'a', 'e' } }) {
			java.io.ByteArrayOutputStream multipart = new java.io.ByteArrayOutputStream();
			for (String[] field : new String[][] { { "api_key", key }, { "service_code", "LITTER" },
					{ "lat", "51.52371" }, { "long", "6.92874" } }) {
				multipart.writeBytes(
						("--x\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n")
							.getBytes(StandardCharsets.UTF_8));
			}
			multipart.writeBytes(
					("--x\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nSperrmüll " + marker + " ")
						.getBytes(StandardCharsets.UTF_8));
			multipart.writeBytes(text);
			multipart.writeBytes("\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> refused = open311.post("requests.json", "multipart/form-data; boundary=x",
					multipart.toByteArray());
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(Open311Client.validJson(refused, "errors").get(0).get("description").asString())
				.startsWith("description: ");
		}
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM report WHERE description LIKE '%" + marker + "%'"))
			.isZero();

		HttpResponse<String> named = open311.post("requests.json",
				"application/x-www-form-urlencoded; charset=ISO-8859-1", form);
		assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
		assertThat(TestDatabase.queryString("SELECT description FROM report WHERE description LIKE '%" + marker + "%'"))
			.isEqualTo("Sperrmüll " + marker + " in der Straße");
	}

	/**
	 * A refusal's field messages are in the {@code locale} given, in the body as in the
	 * query.
	 */
	@Test
	void aRefusalSpeaksTheLocaleTheBodyGave() throws Exception {
		String key = issueKey("Locale " + UUID.randomUUID().toString().substring(0, 6), 100);
		Open311Client open311 = new Open311Client(this.port);
		String form = "api_key=" + key + "&service_code=LITTER&lat=51.52371&long=6.92874&description=kurz";

		HttpResponse<String> german = open311.post("requests.json", "application/x-www-form-urlencoded",
				form + "&locale=de_DE");
		HttpResponse<String> unsaid = open311.post("requests.json", "application/x-www-form-urlencoded", form);

		assertThat(german.statusCode()).isEqualTo(400);
		assertThat(Open311Client.validJson(german, "errors").get(0).get("description").asString())
			.startsWith("description: Bitte");
		assertThat(Open311Client.validJson(unsaid, "errors").get(0).get("description").asString())
			.startsWith("description: Please");
	}

	@Test
	void anAddressLongerThanTheFormsIsRefusedAndNothingStored() throws Exception {
		String key = issueKey("Adresse " + UUID.randomUUID().toString().substring(0, 6), 100);
		String description = "Sperrmüll vor dem Haus " + UUID.randomUUID();
		HttpResponse<String> posted = new Open311Client(this.port).postForm("requests.json",
				Map.of("api_key", List.of(key), "service_code", List.of("LITTER"), "lat", List.of("51.52371"), "long",
						List.of("6.92874"), "description", List.of(description), "address_string",
						List.of("Hansastraße ".repeat(30))));
		assertThat(posted.statusCode()).isEqualTo(400);
		assertThat(posted.body()).contains("address_string");
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM report WHERE description = '" + description + "'"))
			.isZero();
	}

	@Test
	void requestsAreReadByIdByTokenAndWithFiltersShowingNothingPersonal() throws Exception {
		String key = issueKey("Lesen " + UUID.randomUUID().toString().substring(0, 6), 1000);
		Open311Client open311 = new Open311Client(this.port);
		String description = "Sperrmüll im Treppenhaus bei Familie Muster " + UUID.randomUUID();
		HttpResponse<String> posted = open311.postForm("requests.json",
				Map.of("api_key", List.of(key), "service_code", List.of("LITTER"), "lat", List.of("51.52371"), "long",
						List.of("6.92874"), "description", List.of(description), "address_string",
						List.of("Hansastraße 9")));
		String id = Open311Client.validJson(posted, "service_requests").get(0).get("service_request_id").asString();

		JsonNode one = Open311Client.validJson(open311.get("requests/" + id + ".json?locale=en"), "service_requests")
			.get(0);
		assertThat(one.get("service_request_id").asString()).isEqualTo(id);
		assertThat(one.get("status").asString()).isEqualTo("open");
		assertThat(one.get("status_notes").asString()).isEqualTo("Received");
		assertThat(one.get("service_name").asString()).isEqualTo("Litter / illegal dumping");
		assertThat(one.get("agency_responsible").asString()).isNotBlank();
		assertThat(one.has("description")).isFalse();
		double lat = one.get("lat").asDouble();
		double lon = one.get("long").asDouble();
		assertThat(lat).isNotEqualTo(51.52371).isCloseTo(51.52371, org.assertj.core.data.Offset.offset(0.0006));
		assertThat(lon).isNotEqualTo(6.92874).isCloseTo(6.92874, org.assertj.core.data.Offset.offset(0.0009));
		String xml = Open311Client.validXml(open311.get("requests/" + id + ".xml"));
		assertThat(xml).doesNotContain("Muster").doesNotContain("Hansastraße").doesNotContain("Treppenhaus");

		String start = java.time.OffsetDateTime.now().minusHours(1).toString();
		JsonNode open = Open311Client.validJson(open311.get("requests.json?service_code=LITTER&status=open&start_date="
				+ java.net.URLEncoder.encode(start, StandardCharsets.UTF_8)), "service_requests");
		assertThat(open.findValuesAsString("service_request_id")).contains(id);
		JsonNode closed = Open311Client.validJson(open311.get("requests.json?status=closed"), "service_requests");
		assertThat(closed.findValuesAsString("service_request_id")).doesNotContain(id);
		JsonNode otherService = Open311Client.validJson(open311.get("requests.json?service_code=NOISE"),
				"service_requests");
		assertThat(otherService.findValuesAsString("service_request_id")).doesNotContain(id);
		Open311Client.validXml(open311.get("requests.xml?service_request_id=" + id + ",999999999"));
		HttpResponse<String> badDate = open311.get("requests.xml?start_date=yesterday");
		assertThat(badDate.statusCode()).isEqualTo(400);
		Open311Client.validXml(badDate);
		// One spelling of an id: a sign or full-width digits name no request.
		assertThat(open311.get("requests/%2B" + id + ".json").statusCode()).isEqualTo(404);
		assertThat(open311.get("requests.json?service_request_id=%2B" + id).statusCode()).isEqualTo(404);
		// A filter given twice: which was meant cannot be told.
		HttpResponse<String> twice = open311.get("requests.json?status=open&status=closed");
		assertThat(twice.statusCode()).isEqualTo(400);
		assertThat(Open311Client.validJson(twice, "errors").get(0).get("description").asString())
			.isEqualTo("status was given more than once");
		HttpResponse<String> none = open311.get("requests/999999999.json");
		assertThat(none.statusCode()).isEqualTo(404);
		Open311Client.validJson(none, "errors");

		String token = TestDatabase.queryString("SELECT tracking_code FROM report WHERE id = " + id);
		JsonNode byToken = Open311Client.validJson(open311.get("tokens/" + token + ".json"), "service_requests");
		assertThat(byToken.get(0).get("service_request_id").asString()).isEqualTo(id);
		// As a person may have typed it: Persian digits, dashes of another kind.
		StringBuilder typed = new StringBuilder();
		token.chars()
			.forEach((c) -> typed
				.append(Character.isDigit(c) ? (char) ('\u06F0' + (c - '0')) : (c == '-') ? '\u2013' : (char) c));
		assertThat(
				open311.get("tokens/" + java.net.URLEncoder.encode(typed.toString(), StandardCharsets.UTF_8) + ".json")
					.statusCode())
			.isEqualTo(200);

		// A report about people, not a place, is not shown, as on the public map: where
		// and
		// when a neighbour conflict was reported says too much about whom.
		HttpResponse<String> conflict = open311.postForm("requests.json",
				Map.of("api_key", List.of(key), "service_code", List.of("NEIGHBOUR_CONFLICT"), "lat",
						List.of("51.52371"), "long", List.of("6.92874"), "description",
						List.of("Streit im Treppenhaus " + UUID.randomUUID())));
		String conflictId = Open311Client.validJson(conflict, "service_requests")
			.get(0)
			.get("service_request_id")
			.asString();
		assertThat(open311.get("requests/" + conflictId + ".json").statusCode()).isEqualTo(404);
		// Its tracking code stands for no request either.
		String conflictToken = TestDatabase.queryString("SELECT tracking_code FROM report WHERE id = " + conflictId);
		assertThat(open311.get("tokens/" + conflictToken + ".json").statusCode()).isEqualTo(404);
		JsonNode all = Open311Client.validJson(
				open311.get("requests.json?start_date=" + java.net.URLEncoder.encode(start, StandardCharsets.UTF_8)),
				"service_requests");
		assertThat(all.findValuesAsString("service_request_id")).contains(id).doesNotContain(conflictId);
		// Nor is a report merged into one about people: its team and deadline are that
		// incident's.
		long litterIncident = TestDatabase.queryLong("SELECT incident_id FROM report WHERE id = " + id);
		long conflictIncident = TestDatabase.queryLong("SELECT incident_id FROM report WHERE id = " + conflictId);
		StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/incidents/{id}/merge", litterIncident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("into", conflictIncident, "version", Fixtures.incidentVersion(litterIncident)))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(open311.get("requests/" + id + ".json").statusCode()).isEqualTo(404);

		// What names nothing is not found, in the specification's words; a format it does
		// not know is refused before anything is stored, for a submission as for a read.
		HttpResponse<String> unknownCode = open311.get("requests.json?service_code=NOPE");
		assertThat(unknownCode.statusCode()).isEqualTo(404);
		assertThat(Open311Client.validJson(unknownCode, "errors").get(0).get("description").asString())
			.isEqualTo("service_code NOPE not found");
		HttpResponse<String> unknownId = open311.get("requests/-1.json");
		assertThat(unknownId.statusCode()).isEqualTo(404);
		assertThat(Open311Client.validJson(unknownId, "errors").get(0).get("description").asString())
			.isEqualTo("service_request_id -1 not found");
		String yaml = "Als YAML gesendet " + UUID.randomUUID();
		HttpResponse<String> asYaml = open311.postForm("requests.yaml",
				Map.of("api_key", List.of(key), "service_code", List.of("LITTER"), "lat", List.of("51.52371"), "long",
						List.of("6.92874"), "description", List.of(yaml)));
		assertThat(asYaml.statusCode()).isEqualTo(400);
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM report WHERE description = '" + yaml + "'")).isZero();
	}

	private String issueKey(String name, int requestsPerHour) {
		String issued = StaffLogin.as(this.client, "admin")
			.post()
			.uri("/api/admin/open311/keys")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", name, "requestsPerHour", requestsPerHour))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String key = Open311Client.JSON.readTree(issued).get("key").asString();
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM open311_api_key WHERE key_prefix = '"
				+ key.substring(0, 10) + "' AND key_hash = sha256(convert_to('" + key + "', 'UTF8'))"))
			.isEqualTo(1);
		return key;
	}

	private static Map<String, List<String>> with(Map<String, List<String>> form, String name, String value) {
		Map<String, List<String>> changed = new java.util.LinkedHashMap<>(form);
		changed.put(name, List.of(value));
		return changed;
	}

	private static String serviceName(JsonNode services, String code) {
		for (JsonNode service : services) {
			if (service.get("service_code").asString().equals(code)) {
				return service.get("service_name").asString();
			}
		}
		throw new AssertionError("No service " + code);
	}

	private static byte[] png() throws IOException {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
