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

	private static final double MITTE_LAT = 51.5236;

	private static final double MITTE_LON = 6.9286;

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
			assign(far, incident);
			moved(far);
			assertThat(teamOf(board, far).has("lat")).isTrue();
		}
		assertThat(teamIn(snapshot(StaffLogin.as(this.client, lead)), far).has("lat")).isTrue();
	}

	@Test
	void aReplayShowsATeamAsTheLeadCouldSeeItWhenItHappened() throws InterruptedException {
		long far = team("KOD", TestDatabase.queryString("SELECT code FROM quarter WHERE name = 'Mitte'"));
		String lead = Fixtures.leadFor("Boy-West");
		long since = snapshot(StaffLogin.as(this.client, lead)).path("seq").asLong();
		moved(far);
		long incident = Fixtures.reportIncident(this.client, "LITTER", BOY_LAT, BOY_LON);
		assign(far, incident);
		moved(far);

		// The board was away: the replay must not show where the team was before it came
		// to the lead's quarter, although it works there now.
		try (BoardClient board = BoardClient.connect(this.port, StaffLogin.sessionToken(this.client, lead), since)) {
			assertThat(teamOf(board, far).has("lat")).isFalse();
			assertThat(teamOf(board, far).has("lat")).isTrue();
		}
	}

	@Test
	void aTeamOnAnIncidentOutsideTheQuartersShowsItsStatusButNotTheIncidentNorWhereItIs() throws InterruptedException {
		long far = team("KOD", TestDatabase.queryString("SELECT code FROM quarter WHERE name = 'Mitte'"));
		String lead = Fixtures.leadFor("Boy-West");
		long since = snapshot(StaffLogin.as(this.client, lead)).path("seq").asLong();
		try (BoardClient board = BoardClient.connect(this.port, StaffLogin.sessionToken(this.client, lead), since)) {
			long elsewhere = Fixtures.reportIncident(this.client, "LITTER", MITTE_LAT, MITTE_LON);
			assign(far, elsewhere);
			JsonNode assigned = board.await((json) -> "TEAM_ASSIGNED".equals(json.path("type").asString())
					&& json.path("teamId").asLong() == far, WAIT);
			assertThat(assigned.path("incidentId").isMissingNode()).isTrue();
			assertThat(assigned.path("data").has("incident")).isFalse();
			assertThat(assigned.path("data").path("team").path("status").asString()).isNotEmpty();
			assertThat(assigned.path("data").path("team").has("lat")).isFalse();
		}

		// Nor, when the team calls for help there, which incident it is on.
		TestDatabase.queryLong("UPDATE assignment SET state = 'ON_SITE' WHERE team_id = " + far + " RETURNING id");
		TestDatabase.queryLong("INSERT INTO check_in (team_id, assignment_id, due_at, alarm_at, alarm_reason) "
				+ "SELECT team_id, id, now(), now(), 'HELP' FROM assignment WHERE team_id = " + far
				+ " RETURNING team_id");
		try {
			JsonNode alarm = teamIn(snapshot(StaffLogin.as(this.client, lead)), far).path("alarm");
			assertThat(alarm.path("reason").asString()).isEqualTo("HELP");
			assertThat(alarm.has("incidentId")).isFalse();
			assertThat(teamIn(snapshot(StaffLogin.as(this.client, "dispatcher")), far).path("alarm").has("incidentId"))
				.isTrue();
		}
		finally {
			// Other tests' boards expect no alarm but their own.
			TestDatabase.queryLong("DELETE FROM check_in WHERE team_id = " + far + " RETURNING team_id");
		}
	}

	/**
	 * A team of the lead's quarters, called for help at an incident outside them: the
	 * alarm reaches the lead, but not which incident, nor the team's position, which is
	 * that incident's place while it is on site.
	 */
	@Test
	void aTeamOfTheQuartersAlarmedElsewhereNamesNeitherTheIncidentNorThePlace() throws InterruptedException {
		long own = team("KOD", TestDatabase.queryString("SELECT code FROM quarter WHERE name = 'Boy-West'"));
		String lead = Fixtures.leadFor("Boy-West");
		long elsewhere = Fixtures.reportIncident(this.client, "LITTER", MITTE_LAT, MITTE_LON);
		assign(own, elsewhere);
		TestDatabase.queryLong("UPDATE assignment SET state = 'ON_SITE' WHERE team_id = " + own + " RETURNING id");
		TestDatabase.queryLong("INSERT INTO check_in (team_id, assignment_id, due_at, alarm_at, alarm_reason) "
				+ "SELECT team_id, id, now(), now(), 'HELP' FROM assignment WHERE team_id = " + own
				+ " RETURNING team_id");
		try {
			JsonNode team = teamIn(snapshot(StaffLogin.as(this.client, lead)), own);
			assertThat(team.path("alarm").path("reason").asString()).isEqualTo("HELP");
			assertThat(team.path("alarm").has("incidentId")).isFalse();
			assertThat(team.has("lat")).isFalse();
			long since = snapshot(StaffLogin.as(this.client, lead)).path("seq").asLong();
			try (BoardClient board = BoardClient.connect(this.port, StaffLogin.sessionToken(this.client, lead),
					since)) {
				moved(own);
				JsonNode seen = teamOf(board, own);
				assertThat(seen.path("alarm").path("reason").asString()).isEqualTo("HELP");
				assertThat(seen.path("alarm").has("incidentId")).isFalse();
				assertThat(seen.has("lat")).isFalse();
			}
			assertThat(teamIn(snapshot(StaffLogin.as(this.client, "dispatcher")), own).path("alarm").has("incidentId"))
				.isTrue();
		}
		finally {
			TestDatabase.queryLong("DELETE FROM check_in WHERE team_id = " + own + " RETURNING team_id");
		}
	}

	private void assign(long team, long incident) {
		StaffLogin.as(this.client, "dispatcher")
			.post()
			.uri("/api/incidents/{id}/assignments", incident)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(incident)))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
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
