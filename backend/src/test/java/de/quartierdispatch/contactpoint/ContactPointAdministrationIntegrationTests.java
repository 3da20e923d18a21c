package de.quartierdispatch.contactpoint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators add contact points and change them; the public list shows them at once;
 * a place outside the city, unreadable hours or a name in use are refused with every
 * reason, in words, and nothing is stored then.
 */
@IntegrationTest
class ContactPointAdministrationIntegrationTests {

	private static final double BOY_LAT = 51.5423;

	private static final double BOY_LON = 6.9681;

	@Autowired
	private WebTestClient client;

	@Test
	void anAdministratorAddsAContactPointAndChangesIt() {
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		String name = "Anlaufstelle " + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> point = point(name);
		point.put("street", "  Horster\tStraße ");
		point.put("languages", List.of("de", "ar", "de"));

		save(admin.post().uri("/api/admin/contact-points"), point).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo(name)
			.jsonPath("$.street")
			.isEqualTo("Horster Straße")
			.jsonPath("$.languages")
			.isEqualTo(List.of("de", "ar"))
			.jsonPath("$.phone")
			.isEqualTo("02041 123456");
		long id = TestDatabase.queryLong("SELECT id FROM contact_point WHERE name = '" + name + "'");
		this.client.get()
			.uri("/api/contact-points")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == " + id + ")].openingHours")
			.isEqualTo("Mo-Fr 09:00-13:00; Th 14:00-18:00");

		point.put("openingHours", "Mo,We 10:00-12:00");
		point.put("phone", null);
		save(admin.put().uri("/api/admin/contact-points/{id}", id), point).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.openingHours")
			.isEqualTo("Mo,We 10:00-12:00")
			.jsonPath("$.phone")
			.doesNotExist();
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM audit_log WHERE action IN "
				+ "('CONTACT_POINT_CREATED', 'CONTACT_POINT_CHANGED') AND (details->>'contactPoint')::bigint = " + id))
			.isEqualTo(2);
	}

	@Test
	void aContactPointThatClosesIsNoLongerOfferedButKeptForWhatNamesIt() {
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		String name = "Anlaufstelle " + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> point = point(name);
		save(admin.post().uri("/api/admin/contact-points"), point).expectStatus().isCreated();
		long id = TestDatabase.queryLong("SELECT id FROM contact_point WHERE name = '" + name + "'");

		point.put("active", false);
		save(admin.put().uri("/api/admin/contact-points/{id}", id), point).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(false);
		this.client.get()
			.uri("/api/contact-points")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == " + id + ")]")
			.doesNotExist()
			.jsonPath("$[0].active")
			.isEqualTo(true);
		admin.get()
			.uri("/api/admin/contact-points")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == " + id + ")].active")
			.isEqualTo(false);

		// A switch left out is refused, not read as "closed".
		point.remove("active");
		save(admin.put().uri("/api/admin/contact-points/{id}", id), point).expectStatus().isBadRequest();
		assertThat(TestDatabase.queryString("SELECT active::text FROM contact_point WHERE id = " + id))
			.isEqualTo("false");
	}

	@Test
	void whatCannotBeAContactPointIsRefusedWithEveryReasonAndNothingIsStored() {
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		String name = "Anlaufstelle " + UUID.randomUUID().toString().substring(0, 8);
		save(admin.post().uri("/api/admin/contact-points"), point(name)).expectStatus().isCreated();
		String mine = "SELECT count(*) FROM contact_point WHERE name ILIKE '" + name + "%'";

		// Taken also when written in other case: to a person it is the same name.
		Map<String, Object> wrong = point(name.toUpperCase(java.util.Locale.ROOT));
		wrong.put("lat", 48.137);
		wrong.put("lon", 11.575);
		wrong.put("openingHours", "werktags vormittags");
		save(admin.post().uri("/api/admin/contact-points").header("Accept-Language", "de"), wrong).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'name')].message")
			.isEqualTo("Eine andere Anlaufstelle trägt diesen Namen schon.")
			.jsonPath("$.errors[?(@.field == 'lat')].message")
			.isEqualTo("Dieser Ort liegt außerhalb der Quartiere der Stadt. "
					+ "Suchen Sie die Adresse erneut oder korrigieren Sie die Koordinaten.")
			.jsonPath("$.errors[?(@.field == 'openingHours')]")
			.exists();

		Map<String, Object> blank = point(name + "x");
		blank.put("street", "\u0007");
		save(admin.post().uri("/api/admin/contact-points"), blank).expectStatus()
			.isEqualTo(400)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("street");
		Map<String, Object> postcode = point(name + "y");
		postcode.put("postcode", "4623");
		postcode.put("lat", "Infinity");
		save(admin.post().uri("/api/admin/contact-points"), postcode).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		save(admin.put().uri("/api/admin/contact-points/{id}", Long.MAX_VALUE), point(name + "z")).expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(TestDatabase.queryLong(mine)).isEqualTo(1);
	}

	private static Map<String, Object> point(String name) {
		Map<String, Object> point = new HashMap<>();
		point.put("name", name);
		point.put("street", "Horster Straße");
		point.put("houseNumber", "12a");
		point.put("postcode", "46236");
		point.put("city", "Bottrop");
		point.put("lat", BOY_LAT);
		point.put("lon", BOY_LON);
		point.put("openingHours", "Mo-Fr 09:00-13:00; Th 14:00-18:00");
		point.put("languages", List.of("de"));
		point.put("phone", "02041 123456");
		point.put("active", true);
		return point;
	}

	private static WebTestClient.ResponseSpec save(WebTestClient.RequestBodySpec request, Map<String, ?> body) {
		return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

}
