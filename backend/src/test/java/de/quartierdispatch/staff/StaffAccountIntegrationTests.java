package de.quartierdispatch.staff;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.quartierdispatch.support.BoardClient;
import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators manage accounts; a change to what an account may do takes effect at
 * once, on every open session and board of that account.
 */
@IntegrationTest
class StaffAccountIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String GOOD_PASSWORD = "Kiesel Laterne Brombeere Hafen";

	@Autowired
	private WebTestClient client;

	@LocalServerPort
	private int port;

	@Test
	void anAdministratorCreatesAnAccountThatCanSignInAndTheCreationIsOnRecord() {
		String username = uniqueName();
		long id = create(Map.of("username", username, "displayName", "Lena Vogt", "password", GOOD_PASSWORD, "roles",
				List.of("DISPATCHER"), "quarterCodes", List.of("10", "11")));

		StaffLogin.as(this.client, username, GOOD_PASSWORD)
			.get()
			.uri("/api/auth/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.roles[0]")
			.isEqualTo("DISPATCHER");
		assertThat(TestDatabase.queryString("SELECT quarter_scope::text FROM staff_user WHERE id = " + id))
			.as("quarter codes stored as the quarters' ids")
			.isEqualTo(TestDatabase
				.queryString("SELECT array_agg(id ORDER BY id)::text FROM quarter WHERE code IN ('10', '11')"));
		assertThat(TestDatabase.queryString(
				"SELECT action FROM audit_log WHERE details ->> 'user' = '" + id + "' ORDER BY id DESC LIMIT 1"))
			.isEqualTo("USER_CREATED");
	}

	@Test
	void aGuessablePasswordIsRefusedAndSaysWhy() {
		admin().post()
			.uri("/api/admin/users")
			.bodyValue(Map.of("username", uniqueName(), "displayName", "Lena Vogt", "password", "Passwort123!", "roles",
					List.of("COUNTER")))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("password")
			.jsonPath("$.errors[0].message")
			.value((message) -> assertThat((String) message).contains("zu leicht zu erraten"));
	}

	/** Twelve characters, not twelve UTF-16 units: six emoji are six characters. */
	@Test
	void aPasswordsLengthIsCountedInCharacters() {
		admin().post()
			.uri("/api/admin/users")
			.bodyValue(Map.of("username", uniqueName(), "displayName", "Lena Vogt", "password",
					"\uD83E\uDD8A\uD83C\uDF35\uD83D\uDE82\uD83E\uDDF2\uD83C\uDFBB\uD83E\uDD5D", "roles",
					List.of("COUNTER")))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("password")
			.jsonPath("$.errors[0].message")
			.value((message) -> assertThat((String) message).startsWith("Verwenden Sie mindestens 12 Zeichen"));
	}

	@Test
	void aShortPasswordIsSaidTogetherWithTheOtherMissingFields() {
		admin().post()
			.uri("/api/admin/users")
			.bodyValue(Map.of("username", "", "displayName", "Lena Vogt", "password", "kurz", "roles", List.of()))
			.exchange()
			.expectStatus()
			.isEqualTo(400)
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'roles')]")
			.exists()
			// An empty name is said once: missing, not also of the wrong form.
			.jsonPath("$.errors[?(@.field == 'username')].message")
			.isEqualTo(List.of("Bitte füllen Sie dieses Feld aus."))
			.jsonPath("$.errors[?(@.field == 'password')].message")
			.isEqualTo("Verwenden Sie mindestens 12 und höchstens 128 Zeichen; "
					+ "ein Satz aus mehreren Wörtern ist am leichtesten zu merken.");
	}

	@Test
	void aFieldAccountNeedsATeamAndAQuarterMustExist() {
		admin().post()
			.uri("/api/admin/users")
			.bodyValue(Map.of("username", uniqueName(), "displayName", "Lena Vogt", "password", GOOD_PASSWORD, "roles",
					List.of("FIELD"), "quarterCodes", List.of("no-such-quarter")))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat(fields.toString()).contains("teamId").contains("quarterCodes"));
	}

	/**
	 * A retired team takes no new members, while an account already in it can still be
	 * changed, for example to move it to another team.
	 */
	@Test
	void aRetiredTeamTakesNoNewMembers() {
		long team = Fixtures.team("KOD", 51.5259, 6.9129);
		long member = create(Map.of("username", uniqueName(), "displayName", "Lena Vogt", "password", GOOD_PASSWORD,
				"roles", List.of("FIELD"), "teamId", team));
		admin().put()
			.uri("/api/admin/teams/{id}", team)
			.bodyValue(Map.of("name", TestDatabase.queryString("SELECT name FROM team WHERE id = " + team), "teamType",
					"KOD", "active", false))
			.exchange()
			.expectStatus()
			.isOk();

		admin().post()
			.uri("/api/admin/users")
			.header("Accept-Language", "de")
			.bodyValue(Map.of("username", uniqueName(), "displayName", "Jan Berger", "password", GOOD_PASSWORD, "roles",
					List.of("FIELD"), "teamId", team))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("teamId")
			.jsonPath("$.errors[0].message")
			.isEqualTo("Dieses Team ist aufgelöst; wählen Sie ein anderes.");
		long other = create(Map.of("username", uniqueName(), "displayName", "Jan Berger", "password", GOOD_PASSWORD,
				"roles", List.of("COUNTER")));
		admin().put()
			.uri("/api/admin/users/{id}", other)
			.bodyValue(Map.of("displayName", "Jan Berger", "roles", List.of("COUNTER", "FIELD"), "enabled", true,
					"teamId", team, "quarterCodes", List.of()))
			.exchange()
			.expectStatus()
			.isEqualTo(422);
		assertThat(TestDatabase.queryString("SELECT roles::text FROM staff_user WHERE id = " + other))
			.isEqualTo("{COUNTER}");

		change(member, Map.of("displayName", "Lena Vogt-Kramer", "roles", List.of("FIELD"), "enabled", true, "teamId",
				team, "quarterCodes", List.of()));
	}

	@Test
	void aUsernameIsTakenOnce() {
		String username = uniqueName();
		Map<String, Object> account = Map.of("username", username, "displayName", "Lena Vogt", "password",
				GOOD_PASSWORD, "roles", List.of("COUNTER"));
		create(account);
		admin().post().uri("/api/admin/users").bodyValue(account).exchange().expectStatus().isEqualTo(409);
	}

	@Test
	void disablingAnAccountClosesItsOpenBoardAndEndsItsSessions() throws Exception {
		String username = uniqueName();
		long id = create(Map.of("username", username, "displayName", "Jan Berger", "password", GOOD_PASSWORD, "roles",
				List.of("DISPATCHER")));
		String session = StaffLogin.sessionToken(this.client, username, GOOD_PASSWORD);
		long since = TestDatabase.queryLong("SELECT last_seq FROM board_event_sequence");
		try (BoardClient board = BoardClient.connect(this.port, session, since)) {
			board.await((json) -> "live".equals(json.path("type").asString()), WAIT);

			change(id, Map.of("displayName", "Jan Berger", "roles", List.of("DISPATCHER"), "enabled", false,
					"quarterCodes", List.of()));

			assertThat(board.awaitClose(WAIT).getCode()).as("signed out").isEqualTo(4001);
		}
		this.client.get().uri("/api/auth/me").cookie("QD_SESSION", session).exchange().expectStatus().isUnauthorized();
		String csrf = StaffLogin.csrfToken(this.client);
		this.client.post()
			.uri("/api/auth/login")
			.cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.bodyValue(Map.of("username", username, "password", GOOD_PASSWORD))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		// The trail says it was a disabling, not only that "enabled" changed.
		assertThat(TestDatabase.queryString("SELECT details ->> 'enabled' FROM audit_log WHERE action = 'USER_CHANGED' "
				+ "AND (details ->> 'user')::bigint = " + id + " ORDER BY id DESC LIMIT 1"))
			.isEqualTo("false");
	}

	@Test
	void changingRolesEndsTheSessionsThatCarryTheOldOnes() {
		String username = uniqueName();
		long id = create(Map.of("username", username, "displayName", "Jan Berger", "password", GOOD_PASSWORD, "roles",
				List.of("DISPATCHER")));
		String session = StaffLogin.sessionToken(this.client, username, GOOD_PASSWORD);

		change(id, Map.of("displayName", "Jan Berger", "roles", List.of("COUNTER"), "enabled", true, "quarterCodes",
				List.of()));

		this.client.get().uri("/api/auth/me").cookie("QD_SESSION", session).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void anAdministratorCannotLockThemselvesOut() {
		long admin = TestDatabase.queryLong("SELECT id FROM staff_user WHERE username = 'admin'");
		admin().put()
			.uri("/api/admin/users/{id}", admin)
			.bodyValue(Map.of("displayName", "Admin (Demo)", "roles", List.of("ADMIN"), "enabled", false,
					"quarterCodes", List.of()))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("enabled");
	}

	@Test
	void aNewPasswordUnlocksTheAccountAndEndsItsSessions() {
		String username = uniqueName();
		long id = create(Map.of("username", username, "displayName", "Jan Berger", "password", GOOD_PASSWORD, "roles",
				List.of("COUNTER")));
		String session = StaffLogin.sessionToken(this.client, username, GOOD_PASSWORD);
		TestDatabase.queryString("UPDATE staff_user SET failed_logins = 5, locked_until = now() + interval '1 hour' "
				+ "WHERE id = " + id + " RETURNING id");
		String fresh = "Wolke Fahrrad Tinte Ostsee";

		admin().put()
			.uri("/api/admin/users/{id}/password", id)
			.bodyValue(Map.of("password", fresh))
			.exchange()
			.expectStatus()
			.isNoContent();

		this.client.get().uri("/api/auth/me").cookie("QD_SESSION", session).exchange().expectStatus().isUnauthorized();
		StaffLogin.as(this.client, username, fresh).get().uri("/api/auth/me").exchange().expectStatus().isOk();
	}

	@Test
	void twoAdministratorsDemotingEachOtherAtOnceLeaveOneAdministrator() throws Exception {
		String username = "admin-" + UUID.randomUUID().toString().substring(0, 8);
		long second = create(Map.of("username", username, "displayName", "Zweite Admin", "password", GOOD_PASSWORD,
				"roles", List.of("ADMIN")));
		long first = TestDatabase.queryLong("SELECT id FROM staff_user WHERE username = 'admin'");
		WebTestClient firstAdmin = admin();
		WebTestClient secondAdmin = StaffLogin.as(this.client, username, GOOD_PASSWORD);
		ExecutorService both = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> demotingSecond = both.submit(() -> demote(firstAdmin, second));
			Future<Integer> demotingFirst = both.submit(() -> demote(secondAdmin, first));
			// One goes through. The other is refused: at the lock (422, the last
			// administrator
			// keeps the role), or, when the first demotion ended its sessions before it
			// was
			// read, as signed out (401).
			List<Integer> answers = List.of(demotingSecond.get(), demotingFirst.get());
			assertThat(answers).containsOnlyOnce(200);
			assertThat(answers).allMatch((status) -> status == 200 || status == 422 || status == 401);
			assertThat(TestDatabase
				.queryLong("SELECT count(*) FROM staff_user WHERE enabled AND 'ADMIN' = ANY (roles) AND id IN (" + first
						+ ", " + second + ")"))
				.isOne();
		}
		finally {
			both.shutdown();
			TestDatabase.queryLong("WITH restored AS (UPDATE staff_user SET roles = '{ADMIN}', enabled = true "
					+ "WHERE username = 'admin' RETURNING 1) SELECT count(*) FROM restored");
		}
	}

	private static int demote(WebTestClient admin, long id) {
		return admin.put()
			.uri("/api/admin/users/{id}", id)
			.bodyValue(Map.of("displayName", "Herabgestuft", "roles", List.of("ANALYST"), "enabled", true,
					"quarterCodes", List.of()))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	private long create(Map<String, Object> account) {
		Map<?, ?> created = admin().post()
			.uri("/api/admin/users")
			.bodyValue(new HashMap<>(account))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) created.get("id")).longValue();
	}

	private void change(long id, Map<String, Object> change) {
		admin().put().uri("/api/admin/users/{id}", id).bodyValue(change).exchange().expectStatus().isOk();
	}

	private WebTestClient admin() {
		return StaffLogin.as(this.client, "admin");
	}

	private static String uniqueName() {
		return "test-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
