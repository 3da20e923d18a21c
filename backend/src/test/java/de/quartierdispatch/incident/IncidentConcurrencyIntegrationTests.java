package de.quartierdispatch.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.Parallel;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent changes never both win: leads racing for one team, for one incident, or
 * changing the same incident at once end with exactly one winner and no lost update.
 */
@IntegrationTest
class IncidentConcurrencyIntegrationTests {

	private static final double LAT = 51.5120;

	private static final double LON = 6.9350;

	@Autowired
	private WebTestClient client;

	@Test
	void leadsRacingForTheLastTeamOnDifferentIncidentsHaveExactlyOneWinner() throws Exception {
		long team = Fixtures.team("KOD", LAT, LON);
		WebTestClient first = StaffLogin.as(this.client, "dispatcher");
		WebTestClient second = StaffLogin.as(this.client, "dispatcher");
		List<Callable<Integer>> attempts = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
			WebTestClient lead = (i % 2 == 0) ? first : second;
			attempts.add(() -> assign(lead, incident, team, Fixtures.incidentVersion(incident)));
		}
		List<Integer> statuses = Parallel.race(attempts);
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(11);
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM assignment WHERE team_id = " + team)).isOne();
	}

	@Test
	void manyAssignmentsOnOneIncidentWithTheSameVersionHaveExactlyOneWinner() throws Exception {
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		int version = Fixtures.incidentVersion(incident);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		List<Callable<Integer>> attempts = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			long team = Fixtures.team("KOD", LAT, LON);
			attempts.add(() -> assign(lead, incident, team, version));
		}
		List<Integer> statuses = Parallel.race(attempts);
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(11);
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM assignment WHERE incident_id = " + incident)).isOne();
		assertThat(Fixtures.incidentVersion(incident)).isEqualTo(version + 1);
	}

	@Test
	void noUpdateIsLostWhenLeadsChangeAnIncidentAtOnce() throws Exception {
		long incident = Fixtures.reportIncident(this.client, "LITTER", LAT, LON);
		int start = Fixtures.incidentVersion(incident);
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		List<Callable<Integer>> attempts = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			int priority = 1 + (i % 4);
			attempts.add(() -> {
				int status = 409;
				for (int attempt = 0; attempt < 50 && status == 409; attempt++) {
					status = lead.post()
						.uri("/api/incidents/{id}/priority", incident)
						.contentType(MediaType.APPLICATION_JSON)
						.bodyValue(Map.of("priority", priority, "version", Fixtures.incidentVersion(incident), "reason",
								"Lage neu bewertet"))
						.exchange()
						.returnResult(String.class)
						.getStatus()
						.value();
				}
				return status;
			});
		}
		List<Integer> statuses = Parallel.race(attempts);
		// 422: the incident had that priority already when the change came through.
		assertThat(statuses).containsAnyOf(200).isSubsetOf(200, 422);
		long changed = statuses.stream().filter((status) -> status == 200).count();
		assertThat(Fixtures.incidentVersion(incident)).as("every winning change stepped the version once")
			.isEqualTo(start + changed);
		assertThat(TestDatabase
			.queryLong("SELECT count(*) FROM incident_note WHERE kind = 'PRIORITY' AND incident_id = " + incident))
			.isEqualTo(changed);
		assertThat(TestDatabase.queryLong(
				"SELECT count(*) FROM board_event WHERE type = 'PRIORITY_CHANGED' AND incident_id = " + incident))
			.isEqualTo(changed);
	}

	private static int assign(WebTestClient lead, long incident, long team, int version) {
		return lead.post()
			.uri("/api/incidents/{id}/assignments", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("teamId", team, "version", version))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

}
