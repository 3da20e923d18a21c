package de.quartierdispatch.category;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators add a category named in all eight languages, residents report under it
 * at once, and once it is retired the forms no longer take it while its name still labels
 * the reports filed before. What cannot be a category is refused with every reason.
 */
@IntegrationTest
class CategoryAdministrationIntegrationTests {

	private static final double BOY_LAT = 51.5423;

	private static final double BOY_LON = 6.9681;

	@Autowired
	private WebTestClient client;

	@Test
	void aCategoryIsAddedUsedAndRetired() {
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		String code = "PIGEONS_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		Map<String, Object> category = category("  Tauben\tfüttern ");
		category.put("code", code);
		save(admin.post().uri("/api/admin/categories"), category).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.labels.de")
			.isEqualTo("Tauben füttern")
			.jsonPath("$.active")
			.isEqualTo(true);
		Awaitility.await().until(() -> report(code) == 201);
		List<String> listed = this.client.get()
			.uri("/api/categories")
			.exchange()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody()
			.stream()
			.map((listedCategory) -> (String) listedCategory.get("code"))
			.toList();
		assertThat(listed).as("the catch-all stays last").endsWith("OTHER").contains(code);
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM audit_log WHERE action = 'CATEGORY_CREATED' "
				+ "AND details->>'category' = '" + code + "'"))
			.isEqualTo(1);

		category.put("active", false);
		category.remove("code");
		save(admin.put().uri("/api/admin/categories/{code}", code), category).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(false);
		Awaitility.await().until(() -> report(code) == 422);
		// Still named for the reports filed under it.
		this.client.get()
			.uri("/api/categories")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.code == '" + code + "')].labels.ar")
			.isEqualTo("إطعام الحمام")
			.jsonPath("$[?(@.code == '" + code + "')].active")
			.isEqualTo(false);
	}

	@Test
	void whatCannotBeACategoryIsRefusedWithEveryReason() {
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		Map<String, Object> wrong = category("Tauben");
		wrong.put("code", "kleinschreibung");
		wrong.put("icon", "pigeon");
		Map<String, String> labels = new HashMap<>(labels("Tauben"));
		labels.put("ar", "   ");
		labels.put("xx", "Nix");
		wrong.put("labels", labels);
		save(admin.post().uri("/api/admin/categories").header("Accept-Language", "de"), wrong).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'code')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'icon')].message")
			.isEqualTo("Bitte wählen Sie eines der Symbole.")
			.jsonPath("$.errors[?(@.field == 'labels.ar')].message")
			.isEqualTo("Bitte geben Sie einen Namen mit höchstens 80 Zeichen an.")
			.jsonPath("$.errors[?(@.field == 'labels')]")
			.exists();

		Map<String, Object> taken = category("Lärm");
		taken.put("code", "NOISE");
		save(admin.post().uri("/api/admin/categories"), taken).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("code");
		save(admin.put().uri("/api/admin/categories/{code}", "NO_SUCH_CATEGORY"), category("Nichts")).expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		Map<String, Object> noSwitch = category("Ohne Schalter");
		noSwitch.remove("active");
		save(admin.put().uri("/api/admin/categories/{code}", "NOISE"), noSwitch).expectStatus().isBadRequest();
		assertThat(TestDatabase.queryString("SELECT labels->>'de' FROM report_category WHERE code = 'NOISE'"))
			.isEqualTo("Lärm");
	}

	private int report(String category) {
		return this.client.post()
			.uri("/api/reports")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("category", category, "description", "Jeden Morgen werden hier Tauben gefüttert.",
					"location", Map.of("lat", BOY_LAT, "lon", BOY_LON), "language", "de"))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	private static Map<String, Object> category(String german) {
		Map<String, Object> category = new HashMap<>();
		category.put("icon", "other");
		category.put("labels", labels(german));
		category.put("active", true);
		return category;
	}

	private static Map<String, String> labels(String german) {
		return Map.of("de", german, "en", "Feeding pigeons", "ar", "إطعام الحمام", "fa", "غذا دادن به کبوترها", "tr",
				"Güvercin beslemek", "uk", "Годування голубів", "ro", "Hrănirea porumbeilor", "bg",
				"Хранене на гълъби");
	}

	private static WebTestClient.ResponseSpec save(WebTestClient.RequestBodySpec request, Map<String, ?> body) {
		return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

}
