package de.quartierdispatch.incident;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Street work and outreach work voluntarily: their assignments are offers a team may
 * decline without a reason (other teams still give one), and no routing rule may send
 * aggression to them alone.
 */
@IntegrationTest
class StreetWorkOfferIntegrationTests {

	/**
	 * Mitte-West: a quarter no other test reports in (recurring reports make hotspots).
	 */
	private static final double LAT = 51.5259;

	private static final double LON = 6.9129;

	@Autowired
	private WebTestClient client;

	@Test
	void aStreetWorkOfferCanBeDeclinedWithoutAReason() {
		long team = Fixtures.team("STREETWORK", LAT, LON);
		long assignment = assigned(team, "YOUTH_GROUPS");
		WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		field.get()
			.uri("/api/field/assignments")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.assignments[0].offer")
			.isEqualTo(true);

		decline(field, assignment).expectStatus().isOk();

		assertThat(TestDatabase.queryString("SELECT state FROM assignment WHERE id = " + assignment))
			.isEqualTo("DECLINED");
	}

	@Test
	void anOrderedTeamStillSaysWhyItDeclines() {
		long team = Fixtures.team("KOD", LAT, LON);
		long assignment = assigned(team, "LITTER");
		decline(StaffLogin.as(this.client, Fixtures.fieldMember(team)), assignment).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("reason");
	}

	@Test
	void theBoardLearnsWhichTeamTypesWorkVoluntarilySoThatItShowsTheirOffersWithoutDeadline() {
		StaffLogin.as(this.client, "dispatcher")
			.get()
			.uri("/api/board/snapshot")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.teamTypes[?(@.code == 'STREETWORK')].voluntary")
			.isEqualTo(true)
			.jsonPath("$.teamTypes[?(@.code == 'OUTREACH')].voluntary")
			.isEqualTo(true)
			.jsonPath("$.teamTypes[?(@.code == 'KOD')].voluntary")
			.isEqualTo(false);
	}

	@Test
	void aRuleSendingAggressionToStreetWorkAloneIsRefused() {
		String why = "Aggression and threats cannot go to voluntary team types alone: street work and outreach work "
				+ "voluntarily and are not a security service. Add a team type such as the KOD.";
		refused(rule(Map.of("category", "AGGRESSION", "teamTypes", List.of("STREETWORK"))), why);
		refused(rule(Map.of("category", "YOUTH_GROUPS", "requiredFlags", List.of("AGGRESSION"), "teamTypes",
				List.of("STREETWORK", "OUTREACH"))), why);
	}

	private void refused(Map<String, Object> rule, String message) {
		StaffLogin.as(this.client, "admin")
			.post()
			.uri("/api/routing/rules")
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(rule)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("teamTypes")
			.jsonPath("$.errors[0].message")
			.isEqualTo(message);
	}

	private static Map<String, Object> rule(Map<String, Object> overrides) {
		Map<String, Object> rule = new HashMap<>();
		rule.put("name", "Test rule");
		rule.put("quarterCodes", List.of("20"));
		rule.put("priority", 2);
		rule.put("targetMinutes", 60);
		rule.putAll(overrides);
		return rule;
	}

	private long assigned(long team, String category) {
		long incident = Fixtures.reportIncident(this.client, category, LAT, LON);
		StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/incidents/{id}/assignments", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();
		return TestDatabase.queryLong("SELECT id FROM assignment WHERE incident_id = " + incident);
	}

	private static WebTestClient.ResponseSpec decline(WebTestClient field, long assignment) {
		return field.post()
			.uri("/api/field/assignments/{id}", assignment)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("state", "DECLINED", "version", 0))
			.exchange();
	}

}
