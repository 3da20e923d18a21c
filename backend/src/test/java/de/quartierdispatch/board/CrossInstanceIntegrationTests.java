package de.quartierdispatch.board;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.quartierdispatch.support.BoardClient;
import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.SecondInstance;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances on different ports against one database: a change made
 * through one reaches boards connected to the other, through PostgreSQL's LISTEN/NOTIFY;
 * and when the listening connections are cut, the listeners reconnect and catch up,
 * losing nothing; and a routing rule changed through one is applied by the other.
 */
@IntegrationTest
class CrossInstanceIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static ConfigurableApplicationContext instanceB;

	@LocalServerPort
	private int portA;

	@Autowired
	private WebTestClient client;

	@AfterAll
	static void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	@Test
	void aChangeMadeThroughInstanceAReachesABoardOnInstanceB() throws Exception {
		int portB = startInstanceB();
		String session = StaffLogin.sessionToken(this.client, "dispatcher");
		try (BoardClient boardOnB = BoardClient.connect(portB, session, lastSeq());
				BoardClient boardOnA = BoardClient.connect(this.portA, session, lastSeq())) {
			boardOnB.await((json) -> "live".equals(json.path("type").asString()), WAIT);
			boardOnA.await((json) -> "live".equals(json.path("type").asString()), WAIT);
			long incident = Fixtures.reportIncident(this.client, "VANDALISM", 51.5423, 6.9681);
			JsonNode onB = boardOnB.awaitEvent("INCIDENT_OPENED", WAIT);
			JsonNode onA = boardOnA.awaitEvent("INCIDENT_OPENED", WAIT);
			assertThat(onB.get("incidentId").asLong()).isEqualTo(incident);
			assertThat(onB.get("seq").asLong()).isEqualTo(onA.get("seq").asLong());
		}
	}

	@Test
	void listenersCutOffFromTheDatabaseReconnectAndLoseNothing() throws Exception {
		int portB = startInstanceB();
		String session = StaffLogin.sessionToken(this.client, "dispatcher");
		long start = lastSeq();
		try (BoardClient boardOnB = BoardClient.connect(portB, session, start)) {
			boardOnB.await((json) -> "live".equals(json.path("type").asString()), WAIT);
			long cut = TestDatabase.queryLong("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
					+ "WHERE datname = current_database() AND query LIKE 'LISTEN board_event%'");
			assertThat(cut).isGreaterThanOrEqualTo(2);
			List<Long> incidents = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				incidents.add(Fixtures.reportIncident(this.client, "VANDALISM", 51.5423, 6.9681));
			}
			long end = lastSeq();
			boardOnB.await((json) -> BoardClient.isEvent(json) && json.get("seq").asLong() == end,
					Duration.ofSeconds(20));
			List<Long> expected = new ArrayList<>();
			for (long seq = start + 1; seq <= end; seq++) {
				expected.add(seq);
			}
			assertThat(boardOnB.seqs()).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void aRuleChangedThroughInstanceAIsAppliedOnInstanceBAtOnce() {
		WebTestClient adminOnA = StaffLogin.as(this.client, "admin");
		WebTestClient adminOnB = StaffLogin
			.as(WebTestClient.bindToServer().baseUrl("http://localhost:" + startInstanceB()).build(), "admin");
		String name = "Vandalism in Boy-West, seen by both instances";
		String boyWest = TestDatabase.queryString("SELECT code FROM quarter WHERE name = 'Boy-West'");
		assertThat(dryRunExplanation(adminOnB)).doesNotContain(name);
		JsonNode created = adminOnA.post()
			.uri("/api/routing/rules")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", name, "category", "VANDALISM", "quarterCodes", List.of(boyWest), "teamTypes",
					List.of("KOD"), "priority", 2, "targetMinutes", 60, "position", 1))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		try {
			await().atMost(WAIT).until(() -> dryRunExplanation(adminOnB).contains(name));
		}
		finally {
			adminOnA.delete()
				.uri("/api/routing/rules/{id}?version={version}", created.get("id").asLong(),
						created.get("version").asInt())
				.exchange()
				.expectStatus()
				.isNoContent();
		}
		await().atMost(WAIT).until(() -> !dryRunExplanation(adminOnB).contains(name));
	}

	private static String dryRunExplanation(WebTestClient admin) {
		return admin.post()
			.uri("/api/routing/dry-run")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("category", "VANDALISM", "lat", 51.5423, "lon", 6.9681))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.path("decision")
			.path("explanation")
			.asString();
	}

	private static int startInstanceB() {
		if (instanceB == null) {
			instanceB = SecondInstance.start("--server.port=0", "--quartier.scheduling.enabled=false");
		}
		return SecondInstance.port(instanceB);
	}

	private static long lastSeq() {
		return TestDatabase.queryLong("SELECT last_seq FROM board_event_sequence");
	}

}
