package de.quartierdispatch.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The right role is not enough where the object matters: field staff act only on their
 * own team's assignments, and a team lead limited to some quarters sees and touches
 * nothing outside them.
 */
@IntegrationTest
class ObjectLevelAccessTests {

	/** Mitte and Boy-West lie apart; a scoped lead is limited to Boy-West. */
	private static final double MITTE_LAT = 51.52334;

	private static final double MITTE_LON = 6.92871;

	private static final double BOY_LAT = 51.5423;

	private static final double BOY_LON = 6.9681;

	@Autowired
	private WebTestClient client;

	@Test
	void fieldStaffSeeAndMoveOnlyTheirOwnTeamsAssignments() {
		long incident = Fixtures.reportIncident(this.client, "LITTER", BOY_LAT, BOY_LON);
		long ownTeam = Fixtures.team("KOD", BOY_LAT, BOY_LON);
		long otherTeam = Fixtures.team("KOD", BOY_LAT, BOY_LON);
		StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/incidents/{id}/assignments", incident)
			.bodyValue(Map.of("teamId", otherTeam, "version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.isOk();
		long assignment = TestDatabase.queryLong("SELECT id FROM assignment WHERE incident_id = " + incident);
		long report = TestDatabase.queryLong("SELECT id FROM report WHERE incident_id = " + incident);
		WebTestClient outsider = StaffLogin.as(this.client, Fixtures.fieldMember(ownTeam));
		String assigned = "$.assignments[?(@.incident.id == " + incident + ")]";

		StaffLogin.as(this.client, Fixtures.fieldMember(otherTeam))
			.get()
			.uri("/api/field/assignments")
			.exchange()
			.expectBody()
			.jsonPath(assigned)
			.exists();
		outsider.get()
			.uri("/api/field/assignments")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath(assigned)
			.doesNotExist();
		outsider.post()
			.uri("/api/field/assignments/{id}", assignment)
			.bodyValue(Map.of("state", "EN_ROUTE", "version", 0))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:not-your-team");
		outsider.get()
			.uri("/api/field/reports/{id}/contact?purpose=CLARIFY", report)
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(TestDatabase.queryString("SELECT state FROM assignment WHERE id = " + assignment))
			.isEqualTo("ASSIGNED");
	}

	@Test
	void aLeadLimitedToSomeQuartersSeesAndTouchesNothingOutsideThem() {
		long outside = Fixtures.reportIncident(this.client, "LITTER", MITTE_LAT, MITTE_LON);
		long inside = Fixtures.reportIncident(this.client, "LITTER", BOY_LAT, BOY_LON);
		long outsideReport = TestDatabase.queryLong("SELECT id FROM report WHERE incident_id = " + outside);
		String boyWest = TestDatabase.queryString("SELECT code FROM quarter WHERE name = 'Boy-West'");
		WebTestClient lead = scopedLead(boyWest);

		lead.get().uri("/api/incidents/{id}", inside).exchange().expectStatus().isOk();
		lead.get()
			.uri("/api/incidents/{id}", outside)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:incident-outside-scope");
		lead.post()
			.uri("/api/incidents/{id}/notes", outside)
			.bodyValue(Map.of("text", "Nicht mein Quartier"))
			.exchange()
			.expectStatus()
			.isForbidden();
		lead.get()
			.uri("/api/incidents/reports/{id}/contact?purpose=CALLBACK", outsideReport)
			.exchange()
			.expectStatus()
			.isForbidden();
		lead.get()
			.uri("/api/board/snapshot")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.incidents[?(@.id == " + inside + ")]")
			.exists()
			.jsonPath("$.incidents[?(@.id == " + outside + ")]")
			.doesNotExist();
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM incident_note WHERE incident_id = " + outside))
			.isZero();
	}

	private WebTestClient scopedLead(String quarterCode) {
		String username = "lead-" + UUID.randomUUID().toString().substring(0, 8);
		String password = "Kiesel Laterne Brombeere Hafen";
		StaffLogin.as(this.client, "admin")
			.post()
			.uri("/api/admin/users")
			.bodyValue(Map.of("username", username, "displayName", "Lead Boy-West", "password", password, "roles",
					List.of("DISPATCHER"), "quarterCodes", List.of(quarterCode)))
			.exchange()
			.expectStatus()
			.isCreated();
		return StaffLogin.as(this.client, username, password);
	}

}
