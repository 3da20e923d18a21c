package de.quartierdispatch.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CounterApiIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void counterEntryNeedsASignedInCounterOrDispatcherAndTheCsrfToken() {
		this.client.post()
			.uri("/api/counter/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(walkIn(Map.of()))
			.exchange()
			.expectStatus()
			.isForbidden();
		WebTestClient field = StaffLogin.as(this.client, "field");
		field.post()
			.uri("/api/counter/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(walkIn(Map.of()))
			.exchange()
			.expectStatus()
			.isForbidden();
		WebTestClient counter = StaffLogin.as(this.client, "counter");
		counter.mutate()
			.defaultHeaders((headers) -> headers.remove("X-XSRF-TOKEN"))
			.build()
			.post()
			.uri("/api/counter/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(walkIn(Map.of()))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	/** Outside every quarter, but not far from the city: 0, 0 or swapped coordinates. */
	@Test
	void aPlaceFarFromTheCityIsRefusedAtItsFieldAndNothingIsStored() {
		WebTestClient counter = StaffLogin.as(this.client, "counter");
		long reports = TestDatabase.queryLong("SELECT count(*) FROM report");
		for (Map<String, Object> far : List.of(Map.<String, Object>of("lat", 0, "lon", 0),
				Map.<String, Object>of("lat", 6.9681, "lon", 51.5423))) {
			counter.post()
				.uri("/api/counter/reports")
				.contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "de")
				.bodyValue(walkIn(Map.of("location", far)))
				.exchange()
				.expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("location")
				.jsonPath("$.errors[0].message")
				.value((message) -> assertThat((String) message).contains("weit außerhalb der Stadt"));
		}
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM report")).isEqualTo(reports);
	}

	@Test
	void staffMayKeepAPlaceOutsideEveryQuarter() throws SQLException {
		ReportReceipt receipt = StaffLogin.as(this.client, "counter")
			.post()
			.uri("/api/counter/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(walkIn(Map.of("location", Map.of("lat", 51.60, "lon", 7.10), "channel", "PHONE")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(ReportReceipt.class)
			.returnResult()
			.getResponseBody();
		assertThat(receipt.quarter()).isNull();
		try (Connection connection = TestDatabase.connectToTestDatabase();
				PreparedStatement query = connection.prepareStatement(
						"SELECT channel, quarter_id, interpreter_needed, entered_by FROM report WHERE tracking_code = ?")) {
			query.setString(1, receipt.trackingCode());
			try (ResultSet row = query.executeQuery()) {
				assertThat(row.next()).isTrue();
				assertThat(row.getString("channel")).isEqualTo("PHONE");
				assertThat(row.getObject("quarter_id")).isNull();
				assertThat(row.getBoolean("interpreter_needed")).isTrue();
				assertThat(row.getObject("entered_by")).isNotNull();
			}
		}
	}

	@Test
	void aWalkInCanBeAttachedToTheOpenIncidentNearby() throws SQLException {
		this.client.post()
			.uri("/api/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue(
					Map.of("category", "VANDALISM", "description", "Bushaltestelle zerkratzt und Scheibe eingeschlagen",
							"location", Map.of("lat", 51.53470, "lon", 6.98310), "language", "de"))
			.exchange()
			.expectStatus()
			.isCreated();
		WebTestClient counter = StaffLogin.as(this.client, "counter");
		List<NearbyIncident> nearby = counter.get()
			.uri("/api/counter/nearby?category=VANDALISM&lat=51.53480&lon=6.98320")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(NearbyIncident.class)
			.returnResult()
			.getResponseBody();
		assertThat(nearby).isNotEmpty();
		NearbyIncident incident = nearby.get(0);
		assertThat(incident.distanceMeters()).isLessThan(20);
		assertThat(incident.excerpt()).startsWith("Bushaltestelle");
		assertThat(counter.get()
			.uri("/api/counter/nearby?category=NOISE&lat=51.53480&lon=6.98320")
			.exchange()
			.expectBodyList(NearbyIncident.class)
			.returnResult()
			.getResponseBody()).noneMatch((other) -> other.id() == incident.id());
		ReportReceipt receipt = counter.post()
			.uri("/api/counter/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(walkIn(Map.of("category", "VANDALISM", "attachToIncident", incident.id(), "location",
					Map.of("lat", 51.53480, "lon", 6.98320))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(ReportReceipt.class)
			.returnResult()
			.getResponseBody();
		try (Connection connection = TestDatabase.connectToTestDatabase();
				PreparedStatement query = connection.prepareStatement(
						"SELECT incident_id, (SELECT count(*) FROM report r2 WHERE r2.incident_id = r.incident_id) AS reports"
								+ " FROM report r WHERE tracking_code = ?")) {
			query.setString(1, receipt.trackingCode());
			try (ResultSet row = query.executeQuery()) {
				assertThat(row.next()).isTrue();
				assertThat(row.getLong("incident_id")).isEqualTo(incident.id());
				assertThat(row.getLong("reports")).isEqualTo(2);
			}
		}
	}

	@Test
	void aWalkInJoinsNoIncidentOfAnotherMatterOrPlace() {
		long incident = Fixtures.reportIncident(this.client, "VANDALISM", 51.53470, 6.98310);
		WebTestClient counter = StaffLogin.as(this.client, "counter")
			.mutate()
			.defaultHeader("Accept-Language", "de")
			.build();
		long reports = TestDatabase.queryLong("SELECT count(*) FROM report");
		// Another category at the same place, and the same category in another quarter:
		// the reporter's contact details would reach the leads and teams of that one.
		for (Map<String, Object> elsewhere : List.of(Map.<String, Object>of("category", "LITTER"),
				Map.<String, Object>of("category", "VANDALISM", "location", Map.of("lat", 51.5236, "lon", 6.9286)))) {
			Map<String, Object> walkIn = walkIn(elsewhere);
			walkIn.put("attachToIncident", incident);
			counter.post()
				.uri("/api/counter/reports")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(walkIn)
				.exchange()
				.expectStatus()
				.isEqualTo(422)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.title")
				.isEqualTo("Nicht dieselbe Sache");
		}
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM report")).isEqualTo(reports);
	}

	/**
	 * A contact point that has closed takes no walk-ins (the page no longer offers it;
	 * another client, or a point closed while the entry was typed, is refused the same),
	 * and an incident that does not exist is named as such, not as "closed meanwhile".
	 */
	@Test
	void aClosedContactPointTakesNoWalkInsAndAnUnknownIncidentIsNamed() {
		long closed = TestDatabase.queryLong("""
				INSERT INTO contact_point (name, street, house_number, postcode, city, location, opening_hours, active)
				VALUES ('Ehemaliges Ladenlokal %s', 'Hochstraße', '5', '46236', 'Bottrop',
				        ST_SetSRID(ST_MakePoint(6.9290, 51.5236), 4326), 'Mo-Fr 09:00-12:00', false)
				RETURNING id""".formatted(UUID.randomUUID()));
		WebTestClient counter = StaffLogin.as(this.client, "counter")
			.mutate()
			.defaultHeader("Accept-Language", "de")
			.build();
		long reports = TestDatabase.queryLong("SELECT count(*) FROM report");
		enter(counter, UUID.randomUUID().toString(), walkIn(Map.of("contactPointId", closed))).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("contactPointId");
		enter(counter, UUID.randomUUID().toString(), walkIn(Map.of("attachToIncident", Long.MAX_VALUE))).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("attachToIncident")
			.jsonPath("$.errors[0].message")
			.isEqualTo("Diesen Vorgang gibt es nicht (mehr). Speichern Sie die Meldung stattdessen als neuen Vorgang.");
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM report")).isEqualTo(reports);
	}

	@Test
	void aRetryUnderTheSameKeyIsStoredOnceAndAnsweredWithTheFirstReceipt() {
		String description = "Einkaufswagen im Graben, gemeldet " + UUID.randomUUID();
		Map<String, Object> walkIn = walkIn(Map.of("description", description));
		String key = UUID.randomUUID().toString();
		WebTestClient counter = StaffLogin.as(this.client, "counter");
		String first = enter(counter, key, walkIn).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "false")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		enter(counter, key, walkIn).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody(String.class)
			.isEqualTo(first);
		enter(counter, key, walkIn(Map.of("description", description + " und mehr"))).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.value((type) -> assertThat(type.toString()).endsWith("idempotency-key-reused"));
		enter(StaffLogin.as(this.client, "dispatcher"), key, walkIn).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "false");
		enter(counter, "a/b", walkIn).expectStatus().isBadRequest();
		assertThat(TestDatabase
			.queryLong("SELECT count(*) FROM report WHERE description = '" + description.replace("'", "''") + "'"))
			.as("one report from the counter, one from the lead who chose the same key")
			.isEqualTo(2);
	}

	@Test
	void contactDetailsOrAnExplicitNoContactAreRequiredAndConsentWithThem() {
		WebTestClient counter = StaffLogin.as(this.client, "counter");
		Map<String, Object> withoutEither = walkIn(Map.of());
		withoutEither.put("noContact", false);
		counter.post()
			.uri("/api/counter/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.bodyValue(withoutEither)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("contact");
		Map<String, Object> withoutConsent = walkIn(Map.of("contact", Map.of("phone", "0201 123456")));
		withoutConsent.put("noContact", false);
		counter.post()
			.uri("/api/counter/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(withoutConsent)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("consent");
	}

	/**
	 * Staff enter what came in person, by phone or by mail: the other channels come by
	 * themselves.
	 */
	@Test
	void staffEnterNoReportAsIfItCameThroughTheFormOrAPartnerApp() {
		WebTestClient counter = StaffLogin.as(this.client, "counter");
		for (String channel : new String[] { "WEB", "OPEN311" }) {
			String description = "Eingang über " + channel + " vorgetäuscht " + UUID.randomUUID();
			enter(counter, UUID.randomUUID().toString(), walkIn(Map.of("channel", channel, "description", description)))
				.expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("channel");
			assertThat(TestDatabase.queryLong("SELECT count(*) FROM report WHERE description = '" + description + "'"))
				.isZero();
		}
	}

	private static WebTestClient.ResponseSpec enter(WebTestClient staff, String key, Map<String, Object> walkIn) {
		return staff.post()
			.uri("/api/counter/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", key)
			.bodyValue(walkIn)
			.exchange();
	}

	private static Map<String, Object> walkIn(Map<String, Object> overrides) {
		Map<String, Object> walkIn = new HashMap<>();
		walkIn.put("channel", "WALK_IN");
		walkIn.put("contactPointId", 1);
		walkIn.put("category", "LITTER");
		walkIn.put("description", "Sperrmüll liegt seit Tagen neben den Containern.");
		walkIn.put("location", Map.of("lat", 51.5423, "lon", 6.9681));
		walkIn.put("noContact", true);
		walkIn.put("language", "tr");
		walkIn.put("interpreterNeeded", true);
		walkIn.putAll(overrides);
		return walkIn;
	}

}
