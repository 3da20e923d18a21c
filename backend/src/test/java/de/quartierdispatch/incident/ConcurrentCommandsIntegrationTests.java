package de.quartierdispatch.incident;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands on the same case at the same moment, from different people: each is answered
 * as if they had come one after the other (done, or 409 for the one that came second),
 * never with a deadlock's 503, and the case is consistent afterwards. Each pair is sent a
 * few times: a race is not lost every time.
 */
@IntegrationTest
class ConcurrentCommandsIntegrationTests {

	private static final double LAT = 51.5425;

	private static final double LON = 6.9683;

	private static final int ROUNDS = 4;

	private final ExecutorService pool = Executors.newFixedThreadPool(2);

	@Autowired
	private WebTestClient client;

	@AfterEach
	void stopPool() {
		this.pool.shutdownNow();
	}

	/** A team's step and the lead's decision lock the case in the same order. */
	@Test
	void aTeamsStepAndTheLeadsDecisionAtOnce() {
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		for (int round = 0; round < ROUNDS; round++) {
			long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
			long team = Fixtures.team("KOD", LAT, LON);
			assign(lead, incident, team);
			WebTestClient field = StaffLogin.as(this.client, Fixtures.fieldMember(team));
			long assignment = TestDatabase.queryLong("SELECT id FROM assignment WHERE incident_id = " + incident);
			int version = Fixtures.incidentVersion(incident);

			List<Integer> answers = atOnce(
					() -> status(field.post()
						.uri("/api/field/assignments/{id}", assignment)
						.header("Idempotency-Key", UUID.randomUUID().toString())
						.bodyValue(Map.of("state", "EN_ROUTE", "version", 0))),
					() -> status(lead.post()
						.uri("/api/incidents/{id}/decision", incident)
						.bodyValue(Map.of("outcome", "NOTHING_FOUND", "version", version))));

			assertThat(answers).allSatisfy((answer) -> assertThat(answer).isIn(200, 409)).contains(200);
			if (!"CLOSED".equals(Fixtures.incidentState(incident))) {
				Fixtures.decide(this.client, incident, "NOTHING_FOUND");
			}
		}
	}

	/**
	 * "Still a problem" tapped twice after the window: one follow-up incident, not a
	 * second one without a report.
	 */
	@Test
	void stillAProblemTwiceAtOnceOpensOneFollowUp() {
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		for (int round = 0; round < ROUNDS; round++) {
			String code = Fixtures.submitReport(this.client, "LITTER", "Sperrmüll am Spielplatz", LAT, LON);
			long closed = Fixtures.incidentOf(code);
			status(lead.post()
				.uri("/api/incidents/{id}/decision", closed)
				.bodyValue(Map.of("outcome", "NOTHING_FOUND", "version", Fixtures.incidentVersion(closed))));
			TestDatabase.queryLong(
					"UPDATE incident SET closed_at = now() - interval '15 days' WHERE id = " + closed + " RETURNING 1");
			String csrf = StaffLogin.csrfToken(this.client);
			Supplier<Integer> stillAProblem = () -> status(this.client.post()
				.uri("/api/reports/{code}/still-a-problem", code)
				.cookie("XSRF-TOKEN", csrf)
				.header("X-XSRF-TOKEN", csrf));

			List<Integer> answers = atOnce(stillAProblem, stillAProblem);

			assertThat(answers).allSatisfy((answer) -> assertThat(answer).isIn(200, 409)).contains(200);
			assertThat(TestDatabase.queryLong("SELECT count(*) FROM incident WHERE follows_incident = " + closed))
				.isEqualTo(1);
			Fixtures.decide(this.client, Fixtures.incidentOf(code), "NOTHING_FOUND");
		}
	}

	/**
	 * Undoing a decision while another lead sends the team elsewhere: the team goes to
	 * one job, not two, and neither lead is told of a broken rule or an unavailable
	 * database.
	 */
	@Test
	void undoingADecisionWhileTheTeamIsSentElsewhere() {
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		for (int round = 0; round < ROUNDS; round++) {
			long decided = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
			long other = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
			long team = Fixtures.team("KOD", LAT, LON);
			assign(lead, decided, team);
			status(lead.post()
				.uri("/api/incidents/{id}/decision", decided)
				.bodyValue(Map.of("outcome", "NOTHING_FOUND", "version", Fixtures.incidentVersion(decided))));
			int decidedVersion = Fixtures.incidentVersion(decided);
			int otherVersion = Fixtures.incidentVersion(other);

			List<Integer> answers = atOnce(
					() -> status(lead.post()
						.uri("/api/incidents/{id}/decision/undo", decided)
						.bodyValue(Map.of("version", decidedVersion))),
					() -> status(lead.post()
						.uri("/api/incidents/{id}/assignments", other)
						.bodyValue(Map.of("teamId", team, "version", otherVersion))));

			assertThat(answers).allSatisfy((answer) -> assertThat(answer).isIn(200, 409));
			assertThat(TestDatabase.queryLong("SELECT count(*) FROM assignment WHERE team_id = " + team
					+ " AND state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE')"))
				.isEqualTo(1);
			for (long incident : new long[] { decided, other }) {
				if (!"CLOSED".equals(Fixtures.incidentState(incident))) {
					Fixtures.decide(this.client, incident, "NOTHING_FOUND");
				}
			}
		}
	}

	/**
	 * Undoing a decision while an administrator retires the team: no retired team keeps a
	 * job.
	 */
	@Test
	void undoingADecisionWhileTheTeamIsRetired() {
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		for (int round = 0; round < ROUNDS; round++) {
			long decided = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
			long team = Fixtures.team("KOD", LAT, LON);
			String name = TestDatabase.queryString("SELECT name FROM team WHERE id = " + team);
			assign(lead, decided, team);
			status(lead.post()
				.uri("/api/incidents/{id}/decision", decided)
				.bodyValue(Map.of("outcome", "NOTHING_FOUND", "version", Fixtures.incidentVersion(decided))));
			int version = Fixtures.incidentVersion(decided);

			List<Integer> answers = atOnce(
					() -> status(lead.post()
						.uri("/api/incidents/{id}/decision/undo", decided)
						.bodyValue(Map.of("version", version))),
					() -> status(admin.put()
						.uri("/api/admin/teams/{id}", team)
						.bodyValue(Map.of("name", name, "teamType", "KOD", "active", false))));

			assertThat(answers).allSatisfy((answer) -> assertThat(answer).isIn(200, 204, 409));
			assertThat(TestDatabase.queryLong("SELECT count(*) FROM assignment a JOIN team t ON t.id = a.team_id "
					+ "WHERE t.id = " + team + " AND NOT t.active AND a.state IN ('ASSIGNED', 'EN_ROUTE', 'ON_SITE')"))
				.isZero();
			if (!"CLOSED".equals(Fixtures.incidentState(decided))) {
				Fixtures.decide(this.client, decided, "NOTHING_FOUND");
			}
		}
	}

	private static void assign(WebTestClient lead, long incident, long team) {
		assertThat(status(lead.post()
			.uri("/api/incidents/{id}/assignments", incident)
			.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(incident))))).isEqualTo(200);
	}

	private List<Integer> atOnce(Supplier<Integer> first, Supplier<Integer> second) {
		CompletableFuture<Integer> one = CompletableFuture.supplyAsync(first, this.pool);
		CompletableFuture<Integer> two = CompletableFuture.supplyAsync(second, this.pool);
		return List.of(one.join(), two.join());
	}

	private static int status(WebTestClient.RequestHeadersSpec<?> request) {
		return request.exchange().expectBody(String.class).returnResult().getStatus().value();
	}

}
