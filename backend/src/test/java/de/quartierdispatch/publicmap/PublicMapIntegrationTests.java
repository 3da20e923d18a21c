package de.quartierdispatch.publicmap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.TellingPhotos;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The public map shows open reports by category, status, age and grid cell, nothing else;
 * "me too" joins a resident's report to one of them.
 */
@IntegrationTest
class PublicMapIntegrationTests {

	private static final double LAT = 51.53337;

	private static final double LON = 6.94123;

	@Autowired
	private WebTestClient client;

	@Test
	void theMapAnswerHoldsNoTextPhotoContactOrExactPosition() {
		String description = "Hinterhof Gladbecker Str 7, Frau Beispiel ruft " + UUID.randomUUID();
		String email = "beispiel-" + UUID.randomUUID() + "@example.org";
		Map<String, Object> report = new HashMap<>(Map.of("category", "LITTER", "description", description, "location",
				Map.of("lat", LAT, "lon", LON), "language", "de", "address", "Gladbecker Str. 7", "contact",
				Map.of("name", "Erika Beispiel", "email", email, "phone", "0170 1234567"), "consent", true));
		String code = Fixtures.submitReport(this.client, report);
		long incident = Fixtures.incidentOf(code);
		Fixtures.reportPhoto(this.client, code, TellingPhotos.jpegWithMetadata()).expectStatus().isCreated();

		String raw = this.client.get()
			.uri("/api/open-reports?lat={lat}&lon={lon}&radius=300", LAT, LON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(raw).doesNotContain(description.substring(0, 20), email, "Erika", "0170", "Gladbecker", "photo",
				"thumbnail", "description", "contact", "address", "flags", Double.toString(LAT), Double.toString(LON));

		List<Map<String, Object>> entries = openReports(LAT, LON, 300, null);
		assertThat(entries).allSatisfy((entry) -> assertThat(entry.keySet()).containsExactlyInAnyOrder("ref",
				"category", "status", "ageDays", "lat", "lon"));
		Map<String, Object> mine = entries.stream()
			.filter((entry) -> ((Number) entry.get("ref")).longValue() == incident)
			.findFirst()
			.orElseThrow();
		// The centre of the ~100 m grid cell the report lies in (README, "Public map").
		assertThat((Double) mine.get("lat")).isCloseTo((Math.floor(LAT / 0.001) + 0.5) * 0.001, within(1e-9));
		assertThat((Double) mine.get("lon")).isCloseTo((Math.floor(LON / 0.0015) + 0.5) * 0.0015, within(1e-9));
		assertThat(mine).containsEntry("category", "LITTER").containsEntry("status", "RECEIVED");

		// Open311 shows the same cell: two grids would narrow the place down to where
		// their cells overlap.
		long reportId = TestDatabase.queryLong("SELECT id FROM report WHERE tracking_code = '" + code + "'");
		this.client.get()
			.uri("/open311/v2/requests/{id}.json", reportId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].lat")
			.value((Double lat) -> assertThat(lat).isCloseTo((Double) mine.get("lat"), within(1e-6)))
			.jsonPath("$[0].long")
			.value((Double lon) -> assertThat(lon).isCloseTo((Double) mine.get("lon"), within(1e-6)));
	}

	@Test
	void reportsAboutPeopleNeverAppearOnTheMap() {
		long incident = Fixtures.incidentOf(Fixtures.submitReport(this.client,
				new HashMap<>(Map.of("category", "PERSON_IN_NEED", "description",
						"Ein älterer Mann sitzt seit Stunden hilflos im Hauseingang", "location",
						Map.of("lat", LAT + 0.002, "lon", LON), "language", "de"))));
		assertThat(openReports(LAT + 0.002, LON, 300, null))
			.noneMatch((entry) -> ((Number) entry.get("ref")).longValue() == incident);
	}

	@Test
	void meTooJoinsTheOpenReportAndCountsOnIt() {
		double lat = LAT + 0.004;
		long incident = Fixtures
			.incidentOf(Fixtures.submitReport(this.client, new HashMap<>(Map.of("category", "NOISE", "description",
					"Laute Musik aus der Gartenlaube", "location", Map.of("lat", lat, "lon", LON), "language", "de"))));
		List<Map<String, Object>> offered = openReports(lat + 0.0003, LON, 150, "NOISE");
		assertThat(offered).anyMatch((entry) -> ((Number) entry.get("ref")).longValue() == incident);

		Map<String, Object> meToo = new HashMap<>(
				Map.of("category", "NOISE", "description", "Die Musik ist immer noch sehr laut", "location",
						Map.of("lat", lat + 0.0003, "lon", LON), "language", "ar", "supports", incident));
		String receipt = this.client.post()
			.uri("/api/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue(meToo)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(receipt).contains("\"joined\":true");
		String code = receipt.replaceAll(".*\"trackingCode\":\"([^\"]+)\".*", "$1");
		assertThat(Fixtures.incidentOf(code)).isEqualTo(incident);
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM report WHERE incident_id = " + incident)).isEqualTo(2);
		assertThat(TestDatabase
			.queryString("SELECT type FROM board_event WHERE incident_id = " + incident + " ORDER BY seq DESC LIMIT 1"))
			.isEqualTo("REPORT_ATTACHED");

		// Another category does not join.
		Map<String, Object> other = new HashMap<>(meToo);
		other.put("category", "LITTER");
		other.put("description", "Müll liegt neben der Gartenlaube");
		assertThat(Fixtures.incidentOf(Fixtures.submitReport(this.client, other))).isNotEqualTo(incident);
	}

	private List<Map<String, Object>> openReports(double lat, double lon, int radius, String category) {
		return this.client.get()
			.uri((category != null) ? "/api/open-reports?lat={lat}&lon={lon}&radius={radius}&category={category}"
					: "/api/open-reports?lat={lat}&lon={lon}&radius={radius}", lat, lon, radius, category)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

}
