package de.quartierdispatch.team;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
 * Administrators add teams and change them (name, team type, languages, quarters); each
 * change is audited and reaches boards as an event; what names nothing known, or a name
 * another team has, is refused with every reason, and nothing is stored then.
 */
@IntegrationTest
class TeamAdministrationIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void anAdministratorAddsATeamThatBoardsSeeAtOnce() {
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		List<String> quarters = quarterCodes(3);
		String name = "Team " + UUID.randomUUID().toString().substring(0, 8);
		long before = TestDatabase.queryLong("SELECT last_seq FROM board_event_sequence");

		save(admin.post().uri("/api/admin/teams"),
				Map.of("name", "  " + name + "\n", "teamType", "OUTREACH", "languages", List.of("ar", "de", "ar"),
						"quarters", List.of(quarters.get(1), quarters.get(0))))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo(name)
			.jsonPath("$.teamType")
			.isEqualTo("OUTREACH")
			.jsonPath("$.languages")
			.isEqualTo(List.of("ar", "de"))
			.jsonPath("$.quarters")
			.isEqualTo(List.of(quarters.get(0), quarters.get(1)))
			.jsonPath("$.status")
			.isEqualTo("OFF_DUTY");
		long id = TestDatabase.queryLong("SELECT id FROM team WHERE name = '" + name + "'");

		admin.get()
			.uri("/api/admin/teams")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == " + id + ")].name")
			.isEqualTo(name);
		assertThat(TestDatabase.queryString("SELECT details->>'name' FROM audit_log WHERE action = 'TEAM_CREATED' "
				+ "AND (details->>'team')::bigint = " + id))
			.isEqualTo(name);
		assertThat(TestDatabase.queryString("SELECT data->'team'->>'name' FROM board_event WHERE type = 'TEAM_CHANGED' "
				+ "AND team_id = " + id + " AND seq > " + before))
			.isEqualTo(name);
		StaffLogin.as(this.client, "dispatcher")
			.get()
			.uri("/api/board/snapshot")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.teams[?(@.id == " + id + ")].teamType")
			.isEqualTo("OUTREACH");
	}

	@Test
	void aChangeReplacesTheQuartersAndTheLanguages() {
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		List<String> quarters = quarterCodes(3);
		String name = "Team " + UUID.randomUUID().toString().substring(0, 8);
		save(admin.post().uri("/api/admin/teams"), Map.of("name", name, "teamType", "KOD", "languages", List.of("de"),
				"quarters", List.of(quarters.get(0), quarters.get(1))))
			.expectStatus()
			.isCreated();
		long id = TestDatabase.queryLong("SELECT id FROM team WHERE name = '" + name + "'");

		save(admin.put().uri("/api/admin/teams/{id}", id),
				Map.of("name", name + " Nord", "teamType", "STREETWORK", "languages", List.of("tr"), "quarters",
						List.of(quarters.get(1), quarters.get(2))))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo(name + " Nord")
			.jsonPath("$.quarters")
			.isEqualTo(List.of(quarters.get(1), quarters.get(2)));
		assertThat(TestDatabase.queryString("SELECT string_agg(q.code, ',' ORDER BY q.code) FROM team_quarter tq "
				+ "JOIN quarter q ON q.id = tq.quarter_id WHERE tq.team_id = " + id))
			.isEqualTo(quarters.get(1) + "," + quarters.get(2));
		assertThat(TestDatabase
			.queryString("SELECT team_type || ' ' || array_to_string(languages, ',') FROM team " + "WHERE id = " + id))
			.isEqualTo("STREETWORK tr");

		save(admin.put().uri("/api/admin/teams/{id}", id),
				Map.of("name", name + " Nord", "teamType", "STREETWORK", "quarters", List.of()))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.quarters")
			.isEmpty()
			.jsonPath("$.languages")
			.isEmpty();
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM audit_log WHERE action = 'TEAM_CHANGED' "
				+ "AND (details->>'team')::bigint = " + id))
			.isEqualTo(2);
	}

	/**
	 * A disbanded team is retired, not deleted, and only once its assignments are done:
	 * then it is off duty for good, leaves the board (snapshot and live event), is
	 * proposed and assigned nothing, and its members cannot go on duty. It can come back.
	 */
	@Test
	void aTeamIsRetiredOnceItsWorkIsDoneAndThenLeavesTheBoard() {
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		WebTestClient lead = StaffLogin.as(this.client, "dispatcher");
		long team = Fixtures.team("KOD", 51.5259, 6.9129);
		String name = TestDatabase.queryString("SELECT name FROM team WHERE id = " + team);
		WebTestClient member = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		long working = Fixtures.reportIncident(this.client, "NOISE", 51.5259, 6.9129);
		lead.post()
			.uri("/api/incidents/{id}/assignments", working)
			.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(working)))
			.exchange()
			.expectStatus()
			.isOk();
		Map<String, Object> retired = Map.of("name", name, "teamType", "KOD", "active", false);

		save(admin.put().uri("/api/admin/teams/{id}", team).header("Accept-Language", "de"), retired).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Team noch im Einsatz");
		assertThat(TestDatabase.queryString("SELECT active::text FROM team WHERE id = " + team)).isEqualTo("true");
		save(admin.put().uri("/api/admin/teams/{id}", team), Map.of("name", name, "teamType", "KOD")).expectStatus()
			.isOk();
		Map<String, Object> leftOut = new HashMap<>(retired);
		leftOut.remove("active");
		admin.put()
			.uri("/api/admin/teams/{id}", team)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(leftOut)
			.exchange()
			.expectStatus()
			.isBadRequest();

		Fixtures.decide(this.client, working, "NOTHING_FOUND");
		long before = TestDatabase.queryLong("SELECT last_seq FROM board_event_sequence");
		save(admin.put().uri("/api/admin/teams/{id}", team), retired).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(false)
			.jsonPath("$.status")
			.isEqualTo("OFF_DUTY");
		assertThat(TestDatabase.queryString("SELECT (data -> 'team' ->> 'active') FROM board_event WHERE seq > "
				+ before + " AND type = 'TEAM_CHANGED' AND team_id = " + team))
			.isEqualTo("false");
		assertThat(lead.get()
			.uri("/api/board/snapshot")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).as("the board lists it no more").doesNotContain(name);
		member.post()
			.uri("/api/field/team/status")
			.bodyValue(Map.of("status", "AVAILABLE"))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		long next = Fixtures.reportIncident(this.client, "NOISE", 51.5259, 6.9129);
		assertThat(lead.get()
			.uri("/api/incidents/{id}/proposals", next)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).as("proposed no more").doesNotContainPattern("\"teamId\": ?" + team + "[,}]");
		lead.post()
			.uri("/api/incidents/{id}/assignments", next)
			.bodyValue(Map.of("teamId", team, "version", Fixtures.incidentVersion(next)))
			.exchange()
			.expectStatus()
			.is4xxClientError();
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM assignment WHERE team_id = " + team)).isEqualTo(1);

		save(admin.put().uri("/api/admin/teams/{id}", team), Map.of("name", name, "teamType", "KOD")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.active")
			.isEqualTo(true);
		member.post()
			.uri("/api/field/team/status")
			.bodyValue(Map.of("status", "AVAILABLE"))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		assertThat(lead.get()
			.uri("/api/board/snapshot")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).as("back on the board").contains(name);
		assertThat(lead.get()
			.uri("/api/incidents/{id}/proposals", next)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).as("proposed again").containsPattern("\"teamId\": ?" + team + "[,}]");
		// Off duty again: other tests' proposals are not offered a team without a place.
		member.post()
			.uri("/api/field/team/status")
			.bodyValue(Map.of("status", "OFF_DUTY"))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	/**
	 * A phone without a fix reports 0, 0: the status is taken, such a position is not
	 * (the board would show the team in the Atlantic); one in the city is.
	 */
	@Test
	void aPositionFarFromTheCityIsNotTakenTheStatusIs() {
		long team = Fixtures.team("KOD", 51.5259, 6.9129);
		WebTestClient member = StaffLogin.as(this.client, Fixtures.fieldMember(team));
		String position = "SELECT round(ST_Y(last_position)::numeric, 4) || ',' || round(ST_X(last_position)::numeric, 4)"
				+ " FROM team WHERE id = " + team;
		for (Map<String, Object> far : List.of(Map.<String, Object>of("lat", 0, "lon", 0),
				Map.<String, Object>of("lat", 90, "lon", 180), Map.<String, Object>of("lat", 48.137, "lon", 11.575))) {
			member.post()
				.uri("/api/field/team/status")
				.bodyValue(Map.of("status", "BREAK", "position", far))
				.exchange()
				.expectStatus()
				.is2xxSuccessful();
			assertThat(TestDatabase.queryString("SELECT status FROM team WHERE id = " + team)).isEqualTo("BREAK");
			assertThat(TestDatabase.queryString(position)).isEqualTo("51.5259,6.9129");
		}
		member.post()
			.uri("/api/field/team/status")
			.bodyValue(Map.of("status", "AVAILABLE", "position", Map.of("lat", 51.53, "lon", 6.93)))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
		assertThat(TestDatabase.queryString(position)).isEqualTo("51.5300,6.9300");
		member.post()
			.uri("/api/field/team/status")
			.bodyValue(Map.of("status", "OFF_DUTY"))
			.exchange()
			.expectStatus()
			.is2xxSuccessful();
	}

	@Test
	void whatNamesNothingKnownOrATakenNameIsRefusedAndNothingIsStored() {
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		String name = "Team " + UUID.randomUUID().toString().substring(0, 8);
		save(admin.post().uri("/api/admin/teams"), Map.of("name", name, "teamType", "KOD")).expectStatus().isCreated();
		String mine = "SELECT count(*) FROM team WHERE name ILIKE '" + name + "%'";

		save(admin.post().uri("/api/admin/teams").header("Accept-Language", "de"),
				// Taken also when written in other case: to a person it is the same name.
				Map.of("name", name.toLowerCase(java.util.Locale.ROOT), "teamType", "NO_SUCH_TYPE", "quarters",
						List.of("Atlantis")))
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'name')].message")
			.isEqualTo("Ein anderes Team trägt diesen Namen schon.")
			.jsonPath("$.errors[?(@.field == 'teamType')].message")
			.isEqualTo("Die Teamart NO_SUCH_TYPE gibt es nicht.")
			.jsonPath("$.errors[?(@.field == 'quarters')].message")
			.isEqualTo("Es gibt kein Quartier mit dem Kürzel Atlantis.");
		// Control characters alone show nothing: no name, as blank (400).
		save(admin.post().uri("/api/admin/teams"), Map.of("name", "\u0007\u0007", "teamType", "KOD")).expectStatus()
			.isEqualTo(400)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("name");
		save(admin.post().uri("/api/admin/teams"),
				Map.of("name", name + "x", "teamType", "KOD", "languages", List.of("xx")))
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		save(admin.put().uri("/api/admin/teams/{id}", Long.MAX_VALUE), Map.of("name", name + "y", "teamType", "KOD"))
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(TestDatabase.queryLong(mine)).isEqualTo(1);
	}

	/** Saves a team as the admin page does, in service unless the body says. */
	/**
	 * Two administrators adding the same name in other case at the same moment: one team.
	 */
	@Test
	void aNameTakenAtTheSameMomentInOtherCaseIsRefusedToo() {
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 3; round++) {
				String name = "Team " + UUID.randomUUID().toString().substring(0, 8);
				List<CompletableFuture<Integer>> saves = new ArrayList<>();
				for (String spelling : List.of(name, name.toUpperCase(java.util.Locale.ROOT))) {
					saves.add(CompletableFuture.supplyAsync(() -> save(admin.post().uri("/api/admin/teams"),
							Map.of("name", spelling, "teamType", "KOD"))
						.expectBody(String.class)
						.returnResult()
						.getStatus()
						.value(), pool));
				}

				assertThat(saves.stream().map(CompletableFuture::join).sorted().toList()).containsExactly(201, 422);
				assertThat(
						TestDatabase.queryLong("SELECT count(*) FROM team WHERE lower(name) = lower('" + name + "')"))
					.isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static WebTestClient.ResponseSpec save(WebTestClient.RequestBodySpec request, Map<String, ?> body) {
		Map<String, Object> sent = new HashMap<>(body);
		sent.putIfAbsent("active", true);
		return request.contentType(MediaType.APPLICATION_JSON).bodyValue(sent).exchange();
	}

	private static List<String> quarterCodes(int count) {
		return List.of(TestDatabase.queryString(
				"SELECT string_agg(code, ',' ORDER BY code) FROM (SELECT code FROM quarter ORDER BY code LIMIT " + count
						+ ") AS first")
			.split(","));
	}

}
