package de.quartierdispatch.board;

import java.time.Duration;
import java.util.Map;

import de.quartierdispatch.support.BoardClient;
import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team's position is personal data of its members: a lead limited to some quarters sees
 * it only for teams that cover one of them or work on one of their incidents now, in the
 * snapshot, in the stream and as a proposal's distance. Every lead still sees every
 * team's name and status.
 */
@IntegrationTest
class TeamPositionScopeIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final double BOY_LAT = 51.5423;

	private static final double BOY_LON = 6.9681;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Test
	void aScopedLeadSeesThePositionsOnlyOfTheTeamsThatWorkInTheirQuarters() throws InterruptedException {
		String boyWest = TestDatabase.queryString("SELECT code FROM quarter WHERE name = 'Boy-West'");
		String mitte = TestDatabase.queryString("SELECT code FROM quarter WHERE name = 'Mitte'");
		long near = team("KOD", boyWest);
		long far = team("KOD", mitte);
		String lead = Fixtures.leadFor("Boy-West");

		JsonNode scoped = snapshot(StaffLogin.as(this.client, lead));
		assertThat(teamIn(scoped, near).has("lat")).isTrue();
		assertThat(teamIn(scoped, far).has("lat")).isFalse();
		assertThat(teamIn(scoped, far).has("positionAt")).isFalse();
		assertThat(teamIn(scoped, far).path("status").asString()).isEqualTo("AVAILABLE");
		JsonNode everything = snapshot(StaffLogin.as(this.client, "dispatcher"));
		assertThat(teamIn(everything, far).has("lat")).isTrue();

		long since = scoped.path("seq").asLong();
		try (BoardClient board = BoardClient.connect(this.port, StaffLogin.sessionToken(this.client, lead), since);
				BoardClient unscoped = BoardClient.connect(this.port,
						StaffLogin.sessionToken(this.client, "dispatcher"), since)) {
			moved(far);
			assertThat(teamOf(board, far).has("lat")).isFalse();
			assertThat(teamOf(unscoped, far).has("lat")).isTrue();
			moved(near);
			assertThat(teamOf(board, near).has("lat")).isTrue();

			// Nor how far it is: distances from a few incidents would give its position
			// away.
			long incident = Fixtures.reportIncident(this.client, "LITTER", BOY_LAT, BOY_LON);
			JsonNode proposals = StaffLogin.as(this.client, lead)
				.get()
				.uri("/api/incidents/{id}/proposals", incident)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody();
			assertThat(proposal(proposals, far).path("distanceMeters").isNull()).isTrue();
			assertThat(proposal(proposals, near).path("distanceMeters").isNumber()).isTrue();

			// Sent to one of the lead's incidents, the far team is theirs to follow.
			StaffLogin.as(this.client, "dispatcher")
				.post()
				.uri("/api/incidents/{id}/assignments", incident)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("teamId", far, "version", Fixtures.incidentVersion(incident)))
				.exchange()
				.expectStatus()
				.is2xxSuccessful();
			moved(far);
			assertThat(teamOf(board, far).has("lat")).isTrue();
		}
		assertThat(teamIn(snapshot(StaffLogin.as(this.client, lead)), far).has("lat")).isTrue();
	}

	private static long team(String type, String quarterCode) {
		long id = Fixtures.team(type, BOY_LAT, BOY_LON);
		TestDatabase.queryLong("INSERT INTO team_quarter (team_id, quarter_id) SELECT " + id
				+ ", id FROM quarter WHERE code = '" + quarterCode + "' RETURNING team_id");
		return id;
	}

	/** A team's position as the field app reports it: a new one, and an event. */
	private static void moved(long team) {
		TestDatabase.queryLong("UPDATE team SET last_position_at = now() WHERE id = " + team + " RETURNING id");
		TestDatabase.queryLong("SELECT append_board_event('TEAM_STATUS_CHANGED', NULL, " + team + ", 'test', '{}')");
	}

	private static JsonNode teamOf(BoardClient board, long team) throws InterruptedException {
		return board
			.await((json) -> "TEAM_STATUS_CHANGED".equals(json.path("type").asString())
					&& json.path("teamId").asLong() == team, WAIT)
			.path("data")
			.path("team");
	}

	private static JsonNode snapshot(WebTestClient lead) {
		return lead.get()
			.uri("/api/board/snapshot")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private static JsonNode proposal(JsonNode proposals, long team) {
		for (JsonNode each : proposals) {
			if (each.path("teamId").asLong() == team) {
				return each;
			}
		}
		throw new AssertionError("team " + team + " is not proposed: " + proposals);
	}

	private static JsonNode teamIn(JsonNode snapshot, long team) {
		for (JsonNode each : snapshot.path("teams")) {
			if (each.path("id").asLong() == team) {
				return each;
			}
		}
		throw new AssertionError("team " + team + " is not in the snapshot");
	}

}
