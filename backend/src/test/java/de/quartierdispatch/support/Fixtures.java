package de.quartierdispatch.support;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Test data made through the real entry points (the public API) or, for what only
 * administrators set up, directly in the test database.
 */
public final class Fixtures {

	private Fixtures() {
	}

	/** Submits a public report and returns its incident's id. */
	public static long reportIncident(WebTestClient client, String category, double lat, double lon) {
		return incidentOf(submitReport(client, category, "Testmeldung " + UUID.randomUUID(), lat, lon));
	}

	/** Submits a public report in German and returns its tracking code. */
	public static String submitReport(WebTestClient client, String category, String description, double lat,
			double lon) {
		return submitReport(client, category, description, lat, lon, "de");
	}

	/** Submits a public report in the given language and returns its tracking code. */
	public static String submitReport(WebTestClient client, String category, String description, double lat, double lon,
			String language) {
		return submitReport(client, Map.of("category", category, "description", description, "location",
				Map.of("lat", lat, "lon", lon), "language", language));
	}

	/**
	 * Submits a public report in German whose reporter gave an e-mail address (and
	 * consent), so that mail is queued for it; returns its tracking code.
	 */
	public static String submitReportWithMail(WebTestClient client, String category, String description, double lat,
			double lon, String email) {
		return submitReport(client, Map.of("category", category, "description", description, "location",
				Map.of("lat", lat, "lon", lon), "language", "de", "contact", Map.of("email", email), "consent", true));
	}

	/** Submits a public report as the form does and returns its tracking code. */
	public static String submitReport(WebTestClient client, Map<String, Object> report) {
		String receipt = client.post()
			.uri("/api/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue(report)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return receipt.replaceAll(".*\"trackingCode\":\"([^\"]+)\".*", "$1");
	}

	/** The incident a report belongs to. */
	public static long incidentOf(String trackingCode) {
		return TestDatabase.queryLong("SELECT incident_id FROM report WHERE tracking_code = '" + trackingCode + "'");
	}

	/** A team of its own for one test, available, near the given place. */
	public static long team(String teamType, double lat, double lon) {
		String name = "Test " + teamType + " " + UUID.randomUUID().toString().substring(0, 8);
		return TestDatabase
			.queryLong("INSERT INTO team (name, team_type, status, languages, last_position, last_position_at) "
					+ "VALUES ('" + name + "', '" + teamType + "', 'AVAILABLE', '{de}', ST_SetSRID(ST_MakePoint(" + lon
					+ ", " + lat + "), 4326), now()) RETURNING id");
	}

	/**
	 * A field account of its own for one test, in the given team, with the demo accounts'
	 * password; returns its user name.
	 */
	public static String fieldMember(long teamId) {
		String username = "field-" + UUID.randomUUID().toString().substring(0, 8);
		TestDatabase.queryLong("INSERT INTO staff_user (username, display_name, password_hash, roles, team_id) "
				+ "SELECT '" + username + "', 'Test Field " + username + "', password_hash, '{FIELD}', " + teamId
				+ " FROM staff_user WHERE username = 'field' RETURNING id");
		return username;
	}

	/**
	 * A team lead's account of its own for one test, dispatching only for the named
	 * quarter, with the demo accounts' password; returns its user name.
	 */
	public static String leadFor(String quarterName) {
		String username = "lead-" + UUID.randomUUID().toString().substring(0, 8);
		TestDatabase.queryLong("INSERT INTO staff_user (username, display_name, password_hash, roles, quarter_scope) "
				+ "SELECT '" + username + "', 'Test Lead " + username + "', password_hash, '{DISPATCHER}', "
				+ "ARRAY[(SELECT id FROM quarter WHERE name = '" + quarterName + "')] "
				+ "FROM staff_user WHERE username = 'dispatcher' RETURNING id");
		return username;
	}

	/** A lead merges one incident into another, as the board does. */
	public static void merge(WebTestClient lead, long from, long into) {
		lead.post()
			.uri("/api/incidents/{id}/merge", from)
			.bodyValue(Map.of("into", into, "version", incidentVersion(from)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	public static int incidentVersion(long incidentId) {
		return (int) TestDatabase.queryLong("SELECT version FROM incident WHERE id = " + incidentId);
	}

	/**
	 * A photo the reporter adds to their report with its tracking code, as the form does.
	 */
	public static WebTestClient.ResponseSpec reportPhoto(WebTestClient client, String trackingCode, byte[] jpeg) {
		String csrf = StaffLogin.csrfToken(client);
		return client.post()
			.uri("/api/reports/{code}/photos", trackingCode)
			.cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.contentType(MediaType.IMAGE_JPEG)
			.bodyValue(jpeg)
			.exchange();
	}

	/** A team lead decides the incident's outcome (closing it, e.g. NOTHING_FOUND). */
	public static void decide(WebTestClient client, long incidentId, String outcome) {
		StaffLogin.as(client, "dispatcher")
			.post()
			.uri("/api/incidents/{id}/decision", incidentId)
			.bodyValue(Map.of("outcome", outcome, "version", incidentVersion(incidentId)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	public static String incidentState(long incidentId) {
		return TestDatabase.queryString("SELECT state FROM incident WHERE id = " + incidentId);
	}

}
