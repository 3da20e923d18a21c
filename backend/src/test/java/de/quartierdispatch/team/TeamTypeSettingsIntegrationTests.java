package de.quartierdispatch.team;

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
 * Administrators set a team type's check-in interval and whether it works voluntarily;
 * each change is audited; out-of-range values and unknown team types are refused as
 * problem details.
 */
@IntegrationTest
class TeamTypeSettingsIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void anAdministratorSetsTheCheckInIntervalAndVoluntariness() {
		String type = "ADMIN_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		TestDatabase.queryString("INSERT INTO team_type (code, label_de, label_en, color) VALUES ('" + type
				+ "', 'Test', 'Test', '#123456') RETURNING code");
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		admin.get()
			.uri("/api/admin/team-types")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.code == 'STREETWORK')].voluntary")
			.isEqualTo(true)
			.jsonPath("$[?(@.code == '" + type + "')].checkInMinutes")
			.isEqualTo(30);

		settings(admin, type, Map.of("checkInMinutes", 45, "voluntary", true)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.checkInMinutes")
			.isEqualTo(45)
			.jsonPath("$.voluntary")
			.isEqualTo(true);
		assertThat(TestDatabase.queryString("SELECT details->>'checkInMinutes' FROM audit_log "
				+ "WHERE action = 'TEAM_TYPE_CHANGED' AND details->>'teamType' = '" + type + "'"))
			.isEqualTo("45");
		settings(admin, type, Map.of("checkInMinutes", 2, "voluntary", false)).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		settings(admin, "NO_SUCH_TYPE", Map.of("checkInMinutes", 30, "voluntary", false)).expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	/**
	 * The rule editor refuses to send aggression to voluntary team types alone; making
	 * the only team type such a rule names voluntary is refused the same way.
	 */
	@Test
	void aTeamTypeAggressionIsSentToAloneStaysObliged() {
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		long minutes = TestDatabase.queryLong("SELECT check_in_minutes FROM team_type WHERE code = 'KOD'");

		admin.put()
			.uri("/api/admin/team-types/{code}/field-settings", "KOD")
			.header("Accept-Language", "de")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("checkInMinutes", minutes, "voluntary", true))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("voluntary")
			.jsonPath("$.errors[0].message")
			.value((message) -> assertThat(message.toString()).contains("„Aggression oder Bedrohung“"));
		assertThat(TestDatabase.queryString("SELECT voluntary::text FROM team_type WHERE code = 'KOD'"))
			.isEqualTo("false");
	}

	private static WebTestClient.ResponseSpec settings(WebTestClient admin, String type, Map<String, Object> body) {
		return admin.put()
			.uri("/api/admin/team-types/{code}/field-settings", type)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
