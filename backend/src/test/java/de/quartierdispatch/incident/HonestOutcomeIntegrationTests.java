package de.quartierdispatch.incident;

import java.util.HashMap;
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
 * A lead says how an incident ended in words a reporter can be told: resolved, referred
 * (to whom), no action possible (why), nothing found; duplicates end by a merge. The
 * board and the public status show which; older clients that send only the final state
 * keep working.
 */
@IntegrationTest
class HonestOutcomeIntegrationTests {

	@Autowired
	private WebTestClient client;

	private WebTestClient lead;

	@BeforeEach
	void signIn() {
		this.lead = StaffLogin.as(this.client, "dispatcher");
	}

	@Test
	void nothingFoundIsWhatTheBoardAndTheStatusPageSay() {
		String code = report();
		long incident = Fixtures.incidentOf(code);
		decide(incident, Map.of("outcome", "NOTHING_FOUND")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("NOTHING_FOUND")
			.jsonPath("$.incident.state")
			.isEqualTo("CLOSED");
		this.client.get()
			.uri("/api/reports/{code}", code)
			.exchange()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CLOSED")
			.jsonPath("$.outcome")
			.isEqualTo("NOTHING_FOUND");
	}

	@Test
	void aReferralTellsTheReporterWhereToTurn() {
		String code = report();
		decide(Fixtures.incidentOf(code), Map.of("outcome", "REFERRED", "referredTo", "Bauaufsicht, Tel. 02041 70-0"))
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/api/reports/{code}", code)
			.exchange()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("REFERRED")
			.jsonPath("$.referredTo")
			.isEqualTo("Bauaufsicht, Tel. 02041 70-0");
	}

	@Test
	void noActionPossibleNeedsAReasonThatStaysWithStaff() {
		String code = report();
		long incident = Fixtures.incidentOf(code);
		decide(incident, Map.of("outcome", "NO_ACTION_POSSIBLE")).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("reason");
		decide(incident, Map.of("outcome", "NO_ACTION_POSSIBLE", "reason", "Privatgrundstück, keine Befugnis"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcomeReason")
			.isEqualTo("Privatgrundstück, keine Befugnis");
		String status = this.client.get()
			.uri("/api/reports/{code}", code)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(status).contains("NO_ACTION_POSSIBLE").doesNotContain("Privatgrundstück");
	}

	@Test
	void aDuplicateIsNotDecidedButMerged() {
		decide(Fixtures.incidentOf(report()), Map.of("outcome", "DUPLICATE")).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("outcome");
	}

	@Test
	void olderClientsClosingWithoutOutcomeMeanNoActionPossibleAndSayWhy() {
		long incident = Fixtures.incidentOf(report());
		decide(incident, Map.of("state", "CLOSED")).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("reason");
		decide(incident, Map.of("state", "CLOSED", "reason", "Privatgrundstück, kein Zugang")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("NO_ACTION_POSSIBLE");
	}

	private WebTestClient.ResponseSpec decide(long incident, Map<String, Object> decision) {
		Map<String, Object> body = new HashMap<>(decision);
		body.put("version", TestDatabase.queryLong("SELECT version FROM incident WHERE id = " + incident));
		return this.lead.post()
			.uri("/api/incidents/{id}/decision", incident)
			.header("Accept-Language", "de")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private String report() {
		return Fixtures.submitReport(this.client, "LITTER", "Sperrmüll neben dem Spielplatz", 51.5386, 6.9740);
	}

}
