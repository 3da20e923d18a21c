package de.quartierdispatch.team;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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

	@Test
	void whatNamesNothingKnownOrATakenNameIsRefusedAndNothingIsStored() {
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		String name = "Team " + UUID.randomUUID().toString().substring(0, 8);
		save(admin.post().uri("/api/admin/teams"), Map.of("name", name, "teamType", "KOD")).expectStatus().isCreated();
		String mine = "SELECT count(*) FROM team WHERE name LIKE '" + name + "%'";

		save(admin.post().uri("/api/admin/teams").header("Accept-Language", "de"),
				Map.of("name", name, "teamType", "NO_SUCH_TYPE", "quarters", List.of("Atlantis")))
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

	private static WebTestClient.ResponseSpec save(WebTestClient.RequestBodySpec request, Map<String, ?> body) {
		return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private static List<String> quarterCodes(int count) {
		return List.of(TestDatabase.queryString(
				"SELECT string_agg(code, ',' ORDER BY code) FROM (SELECT code FROM quarter ORDER BY code LIMIT " + count
						+ ") AS first")
			.split(","));
	}

}
