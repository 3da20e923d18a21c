package de.quartierdispatch.incident;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident's whole life through the API, as team leads and field teams live it, with
 * every illegal step refused and every step on record.
 */
@IntegrationTest
class IncidentLifecycleIntegrationTests {

	private static final double LAT = 51.5386;

	private static final double LON = 6.9740;

	@Autowired
	private WebTestClient client;

	private WebTestClient lead;

	@BeforeEach
	void signIn() {
		this.lead = StaffLogin.as(this.client, "dispatcher");
	}

	@Test
	void fromReportToResolutionWithEveryStepOnRecord() {
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		long team = TestDatabase.queryLong("SELECT id FROM team WHERE name = 'KOD Streife Boy 1'");
		this.lead.get()
			.uri("/api/incidents/{id}", incident)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.incident.state")
			.isEqualTo("OPEN")
			.jsonPath("$.incident.teamTypes[0]")
			.isEqualTo("KOD")
			.jsonPath("$.routing.explanation")
			.value((String explanation) -> assertThat(explanation).contains("Müll und illegale Ablagerung"));
		List<Map<String, Object>> proposals = proposals(incident);
		// Litter goes to the KOD; other tests' litter in the same quarter may also
		// have made it a hotspot (then quarter management is routed too): proposals
		// follow the routing.
		List<String> routed = List
			.of(TestDatabase.queryString("SELECT array_to_string(team_types, ',') FROM incident WHERE id = " + incident)
				.split(","));
		assertThat(routed).contains("KOD");
		assertThat(proposals).extracting((proposal) -> proposal.get("teamType")).contains("KOD");
		assertThat(proposals).extracting((proposal) -> (String) proposal.get("teamType")).isSubsetOf(routed);
		assertThat(proposals).extracting(IncidentLifecycleIntegrationTests::fit).isSorted();
		assertThat(proposals)
			.filteredOn((proposal) -> "KOD".equals(proposal.get("teamType")) && proposal.get("distanceMeters") != null
					&& fit(proposal).equals(fit(proposals.get(0))))
			.extracting((proposal) -> ((Number) proposal.get("distanceMeters")).doubleValue())
			.isSorted();
		assertThat(proposals).extracting((proposal) -> proposal.get("name")).contains("KOD Streife Boy 1");
		assign(incident, team).expectStatus().isOk().expectBody().jsonPath("$.incident.state").isEqualTo("DISPATCHED");
		long assignment = TestDatabase.queryLong("SELECT id FROM assignment WHERE incident_id = " + incident);
		WebTestClient field = StaffLogin.as(this.client, "field");
		field.get()
			.uri("/api/field/assignments")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.assignments[0].incident.id")
			.isEqualTo(incident);
		fieldStep(field, assignment, "EN_ROUTE", 0, null).expectStatus().isOk();
		String code = TestDatabase.queryString("SELECT tracking_code FROM report WHERE incident_id = " + incident);
		this.client.get()
			.uri("/api/reports/{code}", code)
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("IN_PROGRESS");
		assertThat(Fixtures.incidentState(incident)).isEqualTo("DISPATCHED");
		assertThat(TestDatabase.queryString("SELECT status FROM team WHERE id = " + team)).isEqualTo("EN_ROUTE");
		fieldStep(field, assignment, "ON_SITE", 1, Map.of("lat", 51.5387, "lon", 6.9741)).expectStatus().isOk();
		assertThat(Fixtures.incidentState(incident)).isEqualTo("ON_SITE");
		assertThat(
				TestDatabase.queryString("SELECT round(ST_Y(last_position)::numeric, 4) FROM team WHERE id = " + team))
			.isEqualTo("51.5387");
		fieldStep(field, assignment, "DONE", 2, null).expectStatus().isOk();
		decide(incident, "RESOLVED", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.incident.state")
			.isEqualTo("RESOLVED");
		assertThat(TestDatabase.queryString("SELECT status FROM team WHERE id = " + team)).isEqualTo("AVAILABLE");
		this.client.get()
			.uri("/api/reports/{code}", code)
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("RESOLVED");
		assertThat(TestDatabase
			.queryString("SELECT string_agg(type, ',' ORDER BY seq) FROM board_event WHERE incident_id = " + incident))
			.isEqualTo(
					"INCIDENT_OPENED,TEAM_ASSIGNED,ASSIGNMENT_CHANGED,ASSIGNMENT_CHANGED,ASSIGNMENT_CHANGED,INCIDENT_STATE_CHANGED");
		assertThat(TestDatabase
			.queryString("SELECT string_agg(DISTINCT (data -> 'incident' ->> 'version'), ',') FROM board_event "
					+ "WHERE incident_id = " + incident))
			.as("each event carries the version it produced")
			.contains("0");
		this.lead.get()
			.uri("/api/incidents/{id}", incident)
			.exchange()
			.expectBody()
			.jsonPath("$.timeline[1].type")
			.isEqualTo("TEAM_ASSIGNED")
			.jsonPath("$.timeline[1].actor")
			.isEqualTo("Jan Kowalski (Demo)")
			.jsonPath("$.timeline[1].team")
			.isEqualTo("KOD Streife Boy 1");
	}

	@Test
	void illegalStepsAreRefusedWith409NamingTheCurrentState() {
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		decide(incident, "RESOLVED", null).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.currentState")
			.isEqualTo("OPEN")
			.jsonPath("$.detail")
			.isEqualTo("Das geht nicht, solange er offen ist (gewünscht: erledigt).");
		decide(incident, "REFERRED", null).expectStatus().isEqualTo(422);
		decide(incident, "REFERRED", "Stadtreinigung").expectStatus().isOk();
		decide(incident, "CLOSED", null).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.currentState")
			.isEqualTo("REFERRED");
		long team = Fixtures.team("KOD", LAT, LON);
		assign(incident, team).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.currentState")
			.isEqualTo("REFERRED");
	}

	@Test
	void aTeamThatDoesNotExistIsNamedAsSuch() {
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		assign(incident, Long.MAX_VALUE).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("teamId");
		assertThat(Fixtures.incidentState(incident)).isEqualTo("OPEN");
	}

	/** A team sent twice to the same incident: said so, not "at another incident". */
	@Test
	void aTeamAlreadyOnTheIncidentIsNamedAsSuch() {
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		long team = Fixtures.team("KOD", LAT, LON);
		assign(incident, team).expectStatus().isOk();
		assign(incident, team).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:team-already-assigned");
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM assignment WHERE incident_id = " + incident))
			.isEqualTo(1);
		Fixtures.decide(this.client, incident, "NOTHING_FOUND");
	}

	@Test
	void aStaleVersionLosesWith409AndTheCurrentState() {
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		int seen = Fixtures.incidentVersion(incident);
		this.lead.post()
			.uri("/api/incidents/{id}/priority", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("priority", 1, "version", seen, "reason", "Rattenbefall gemeldet"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.incident.priority")
			.isEqualTo(1)
			.jsonPath("$.notes[0].text")
			.isEqualTo("P3 → P1: Rattenbefall gemeldet");
		this.lead.post()
			.uri("/api/incidents/{id}/priority", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("priority", 2, "version", seen, "reason", "doch nicht so dringend"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.currentVersion")
			.isEqualTo(seen + 1)
			.jsonPath("$.currentState")
			.isEqualTo("OPEN");
		// The priority it has already: said so, and nothing written for every board.
		this.lead.post()
			.uri("/api/incidents/{id}/priority", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "de")
			.bodyValue(Map.of("priority", 1, "version", seen + 1, "reason", "noch einmal"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("priority")
			.jsonPath("$.errors[0].message")
			.isEqualTo("Der Vorgang hat diese Priorität schon.");
		assertThat(Fixtures.incidentVersion(incident)).isEqualTo(seen + 1);
	}

	@Test
	void aFieldMemberCannotTouchAnotherTeamsAssignment() {
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		long otherTeam = Fixtures.team("KOD", LAT, LON);
		assign(incident, otherTeam).expectStatus().isOk();
		long assignment = TestDatabase.queryLong("SELECT id FROM assignment WHERE incident_id = " + incident);
		fieldStep(StaffLogin.as(this.client, "field"), assignment, "EN_ROUTE", 0, null).expectStatus().isForbidden();
		StaffLogin.as(this.client, "field")
			.get()
			.uri("/api/incidents/{id}", incident)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void whenEveryTeamDeclinesTheIncidentIsOpenAgain() {
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		long team = Fixtures.team("KOD", LAT, LON);
		assign(incident, team).expectStatus().isOk();
		long assignment = TestDatabase.queryLong("SELECT id FROM assignment WHERE incident_id = " + incident);
		this.lead.post()
			.uri("/api/incidents/{id}/assignments/{a}", incident, assignment)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("state", "DECLINED", "version", 0))
			.exchange()
			.expectStatus()
			.isEqualTo(422);
		this.lead.post()
			.uri("/api/incidents/{id}/assignments/{a}", incident, assignment)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("state", "DECLINED", "version", 0, "reason", "Fahrzeug defekt"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.incident.state")
			.isEqualTo("OPEN")
			.jsonPath("$.assignments[0].declineReason")
			.isEqualTo("Fahrzeug defekt");
	}

	@Test
	void aDuplicateIsMergedWithItsReportsAndTeams() {
		long first = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		long duplicate = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		long team = Fixtures.team("KOD", LAT, LON);
		assign(duplicate, team).expectStatus().isOk();
		this.lead.post()
			.uri("/api/incidents/{id}/merge", duplicate)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("into", first, "version", Fixtures.incidentVersion(duplicate)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.incident.id")
			.isEqualTo(first)
			.jsonPath("$.incident.reports")
			.isEqualTo(2)
			.jsonPath("$.incident.state")
			.isEqualTo("DISPATCHED")
			.jsonPath("$.notes[0].kind")
			.isEqualTo("MERGE");
		assertThat(TestDatabase
			.queryString("SELECT state || ':' || outcome || ':' || merged_into FROM incident WHERE id = " + duplicate))
			.isEqualTo("CLOSED:DUPLICATE:" + first);
	}

	/**
	 * A merged incident has no reports left: a note, message or referral added to it
	 * would reach nobody and be missing from the case that goes on, so it is refused with
	 * the incident to use instead.
	 */
	@Test
	void aMergedIncidentTakesNothingNewAndNamesTheOneThatGoesOn() {
		long first = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		long duplicate = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		this.lead.post()
			.uri("/api/incidents/{id}/merge", duplicate)
			.bodyValue(Map.of("into", first, "version", Fixtures.incidentVersion(duplicate)))
			.exchange()
			.expectStatus()
			.isOk();
		long notesBefore = TestDatabase
			.queryLong("SELECT count(*) FROM incident_note WHERE incident_id = " + duplicate);
		Map<String, Object> referral = Map.of("serviceId",
				TestDatabase.queryLong("SELECT min(id) FROM partner_service WHERE active"), "need",
				"Beratung zum Müll im Hof", "language", "de");
		for (var attempt : Map
			.of("/api/incidents/{id}/notes", Map.of("text", "Nachtrag"), "/api/incidents/{id}/public-messages",
					Map.of("text", "Wir kümmern uns.", "language", "de"), "/api/incidents/{id}/referrals", referral)
			.entrySet()) {
			this.lead.post()
				.uri(attempt.getKey(), duplicate)
				.bodyValue(attempt.getValue())
				.exchange()
				.expectStatus()
				.isEqualTo(409)
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.title")
				.isEqualTo("Vorgang zusammengeführt")
				.jsonPath("$.mergedInto")
				.isEqualTo(first)
				.jsonPath("$.detail")
				.value((detail) -> assertThat(detail.toString()).contains("#" + first));
		}
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM incident_note WHERE incident_id = " + duplicate))
			.isEqualTo(notesBefore);
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM reporter_message WHERE incident_id = " + duplicate))
			.isZero();
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM referral WHERE incident_id = " + duplicate)).isZero();
		// The one that goes on takes them.
		this.lead.post()
			.uri("/api/incidents/{id}/notes", first)
			.bodyValue(Map.of("text", "Nachtrag"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/**
	 * A team that covers the quarter and speaks the reporter's language is proposed
	 * before a nearer one that does neither.
	 */
	@Test
	void proposalsPutTheTeamOfTheQuarterAndTheReportersLanguageFirst() {
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		TestDatabase.queryLong("UPDATE report SET language = 'ar' WHERE incident_id = " + incident + " RETURNING 1");
		long near = Fixtures.team("KOD", LAT, LON);
		long fitting = Fixtures.team("KOD", LAT + 0.01, LON);
		TestDatabase.queryLong("UPDATE team SET languages = '{de,ar}' WHERE id = " + fitting + " RETURNING 1");
		TestDatabase.queryLong("INSERT INTO team_quarter (team_id, quarter_id) SELECT " + fitting
				+ ", quarter_id FROM incident WHERE id = " + incident + " RETURNING 1");
		try {
			List<Map<String, Object>> proposals = proposals(incident);
			List<Long> order = proposals.stream()
				.map((proposal) -> ((Number) proposal.get("teamId")).longValue())
				.toList();
			assertThat(order).contains(near, fitting);
			assertThat(order.indexOf(fitting)).isLessThan(order.indexOf(near));
			assertThat(proposals.get(order.indexOf(fitting))).containsEntry("coversQuarter", true)
				.containsEntry("speaksReportersLanguages", true);
			assertThat(proposals.get(order.indexOf(near))).containsEntry("coversQuarter", false)
				.containsEntry("speaksReportersLanguages", false);
		}
		finally {
			TestDatabase.queryLong(
					"UPDATE team SET status = 'OFF_DUTY' WHERE id IN (" + near + ", " + fitting + ") RETURNING 1");
		}
	}

	private List<Map<String, Object>> proposals(long incident) {
		String json = this.lead.get()
			.uri("/api/incidents/{id}/proposals", incident)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		// Read with a plain mapper: proposals carry null values (a team without a
		// position).
		return new tools.jackson.databind.json.JsonMapper().readValue(json,
				new tools.jackson.core.type.TypeReference<List<Map<String, Object>>>() {
				});
	}

	/** How well a proposed team fits: quarter, then languages ("00" is best). */
	private static String fit(Map<String, Object> proposal) {
		return (Boolean.TRUE.equals(proposal.get("coversQuarter")) ? "0" : "1")
				+ (Boolean.TRUE.equals(proposal.get("speaksReportersLanguages")) ? "0" : "1");
	}

	private WebTestClient.ResponseSpec assign(long incident, long team) {
		return this.lead.post()
			.uri("/api/incidents/{id}/assignments", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(incident)))
			.exchange();
	}

	private WebTestClient.ResponseSpec decide(long incident, String state, String referredTo) {
		Map<String, Object> body = new HashMap<>(Map.of("state", state, "version", Fixtures.incidentVersion(incident)));
		if (referredTo != null) {
			body.put("referredTo", referredTo);
		}
		if ("CLOSED".equals(state)) {
			body.put("reason", "Niemand angetroffen");
		}
		return this.lead.post()
			.uri("/api/incidents/{id}/decision", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static WebTestClient.ResponseSpec fieldStep(WebTestClient field, long assignment, String state, int version,
			Map<String, Object> position) {
		Map<String, Object> body = new HashMap<>(Map.of("state", state, "version", version));
		if (position != null) {
			body.put("position", position);
		}
		return field.post()
			.uri("/api/field/assignments/{id}", assignment)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
