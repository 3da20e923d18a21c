package de.quartierdispatch.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.quartierdispatch.security.mfa.Authenticators;
import de.quartierdispatch.support.AuthenticatorApp;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second factor through the API, with an authenticator app of the test's own: a
 * password alone opens nothing but the second factor's step; a wrong, a replayed or a
 * stale code is refused; wrong codes lock the account like wrong passwords; a recovery
 * code works once; the secret is stored encrypted and never shown again; an
 * administrator's reset (audited) ends the member's sessions and leads them to set up a
 * new app.
 */
@IntegrationTest
class SecondFactorSignInIntegrationTests {

	private static final int TOLERANCE = StaffLogin.TIME_STEP_TOLERANCE;

	@Autowired
	private WebTestClient client;

	@Autowired
	private Authenticators authenticators;

	@Test
	void aTeamLeadWithoutAnAppIsLedToEnrolmentAndCannotReachAnythingElseUntilEnrolled() {
		String username = teamLead();
		String pending = StaffLogin.passwordOnly(this.client, username);

		assertThat(status(pending).path("state").asString()).isEqualTo("ENROL");
		this.client.get()
			.uri("/board")
			.cookie("QD_SESSION", pending)
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.location("/mfa?next=/board");
		this.client.get()
			.uri("/api/board/snapshot")
			.cookie("QD_SESSION", pending)
			.exchange()
			.expectStatus()
			.isForbidden();

		Enrolled enrolled = enrol(pending);
		assertThat(enrolled.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
		assertThat(enrolled.session()).as("a new session token once the second factor is given").isNotEqualTo(pending);
		this.client.get()
			.uri("/api/board/snapshot")
			.cookie("QD_SESSION", enrolled.session())
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get().uri("/api/auth/me").cookie("QD_SESSION", pending).exchange().expectStatus().isUnauthorized();
		JsonNode after = status(enrolled.session());
		assertThat(after.path("state").asString()).isEqualTo("ENROLLED");
		assertThat(after.toString()).doesNotContain(enrolled.secret().replace(" ", ""));
	}

	@Test
	void theSecretIsStoredEncryptedAndIsNeverShownAgain() {
		String username = teamLead();
		Enrolled enrolled = enrol(StaffLogin.passwordOnly(this.client, username));
		String stored = TestDatabase.queryString("SELECT encode(t.secret, 'hex') FROM staff_totp t "
				+ "JOIN staff_user u ON u.id = t.user_id WHERE u.username = '" + username + "'");
		assertThat(stored).isNotBlank().doesNotContain(HexFormat.of().formatHex(decodeBase32(enrolled.secret())));

		String pending = StaffLogin.passwordOnly(this.client, username);
		assertThat(status(pending).path("state").asString()).isEqualTo("CODE");
		post(pending, "/api/auth/mfa/enrolment", Map.of()).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:second-factor-code-due");
	}

	@Test
	void aWrongCodeIsRefusedAndTheRightOneWorksOnlyOnce() {
		String username = teamLead();
		Enrolled enrolled = enrol(StaffLogin.passwordOnly(this.client, username));
		Instant now = Instant.now();

		String pending = StaffLogin.passwordOnly(this.client, username);
		post(pending, "/api/auth/mfa/verify", Map.of("code", enrolled.app().wrongCodeAt(now, TOLERANCE))).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:wrong-code")
			.jsonPath("$.title")
			.isEqualTo("Code nicht angenommen");
		String code = enrolled.app().codeAt(now.plus(Duration.ofMinutes(5)));
		String session = cookie(post(pending, "/api/auth/mfa/verify", Map.of("code", code)).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult());
		this.client.get().uri("/api/board/snapshot").cookie("QD_SESSION", session).exchange().expectStatus().isOk();

		String again = StaffLogin.passwordOnly(this.client, username);
		post(again, "/api/auth/mfa/verify", Map.of("code", code)).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:code-used");
		String stale = enrolled.app().codeAt(now.minus(Duration.ofHours(2)));
		post(again, "/api/auth/mfa/verify", Map.of("code", stale)).expectStatus().isUnauthorized();
		this.client.get()
			.uri("/api/board/snapshot")
			.cookie("QD_SESSION", again)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void wrongCodesLockTheAccountLikeWrongPasswordsAndGivingThePasswordAgainDoesNotResetTheCount() {
		String username = teamLead();
		Enrolled enrolled = enrol(StaffLogin.passwordOnly(this.client, username));
		String wrong = enrolled.app().wrongCodeAt(Instant.now(), TOLERANCE);
		List<Integer> statuses = new ArrayList<>();
		String pending = StaffLogin.passwordOnly(this.client, username);
		for (int i = 0; i < 3; i++) {
			statuses.add(verify(pending, wrong));
		}
		String again = StaffLogin.passwordOnly(this.client, username);
		for (int i = 0; i < 2; i++) {
			statuses.add(verify(again, wrong));
		}
		String right = enrolled.app().nextCode(Clock.systemUTC(), TOLERANCE);

		assertThat(statuses).containsOnly(401);
		// Locked: even the right code is refused, with the answer a wrong one gets.
		post(again, "/api/auth/mfa/verify", Map.of("code", right)).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:wrong-code");
		this.client.get().uri("/api/auth/mfa").cookie("QD_SESSION", again).exchange().expectStatus().isOk();
		this.client.get()
			.uri("/api/board/snapshot")
			.cookie("QD_SESSION", again)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private int verify(String session, String code) {
		return post(session, "/api/auth/mfa/verify", Map.of("code", code)).returnResult(String.class)
			.getStatus()
			.value();
	}

	@Test
	void aRecoveryCodeWorksOnce() {
		String username = teamLead();
		Enrolled enrolled = enrol(StaffLogin.passwordOnly(this.client, username));
		String recoveryCode = enrolled.recoveryCodes().get(3);

		String pending = StaffLogin.passwordOnly(this.client, username);
		JsonNode verified = post(pending, "/api/auth/mfa/verify", Map.of("code", recoveryCode.toUpperCase()))
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(verified.path("recoveryCodeUsed").asBoolean()).isTrue();
		assertThat(verified.path("recoveryCodesLeft").asInt()).isEqualTo(9);

		String again = StaffLogin.passwordOnly(this.client, username);
		post(again, "/api/auth/mfa/verify", Map.of("code", recoveryCode)).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:wrong-code");
		post(again, "/api/auth/mfa/verify", Map.of("code", enrolled.recoveryCodes().get(4))).expectStatus().isOk();
	}

	@Test
	void anAdministratorsResetEndsTheSessionsAndForcesANewEnrolment() {
		String username = teamLead();
		Enrolled enrolled = enrol(StaffLogin.passwordOnly(this.client, username));
		long id = TestDatabase.queryLong("SELECT id FROM staff_user WHERE username = '" + username + "'");
		WebTestClient admin = StaffLogin.as(this.client, "admin");
		admin.get()
			.uri("/api/admin/users/{id}/second-factor", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.enrolled")
			.isEqualTo(true)
			.jsonPath("$.required")
			.isEqualTo(true)
			.jsonPath("$.recoveryCodesLeft")
			.isEqualTo(10);

		admin.delete().uri("/api/admin/users/{id}/second-factor", id).exchange().expectStatus().isNoContent();

		this.client.get()
			.uri("/api/auth/me")
			.cookie("QD_SESSION", enrolled.session())
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertThat(TestDatabase.queryString("SELECT actor || ' ' || (details ->> 'removed') FROM audit_log "
				+ "WHERE action = 'USER_SECOND_FACTOR_RESET' AND details ->> 'user' = '" + id + "'"))
			.isEqualTo(
					"staff:" + TestDatabase.queryLong("SELECT id FROM staff_user WHERE username = 'admin'") + " true");
		String pending = StaffLogin.passwordOnly(this.client, username);
		assertThat(status(pending).path("state").asString()).isEqualTo("ENROL");
		String oldCode = enrolled.app().nextCode(Clock.systemUTC(), TOLERANCE);
		post(pending, "/api/auth/mfa/verify", Map.of("code", oldCode)).expectStatus().isEqualTo(409);
		Enrolled again = enrol(pending);
		assertThat(again.secret()).isNotEqualTo(enrolled.secret());
		admin.delete().uri("/api/admin/users/999999/second-factor").exchange().expectStatus().isNotFound();
		// Not one's own: a session left open must not trade the second factor for a new
		// one.
		long self = TestDatabase.queryLong("SELECT id FROM staff_user WHERE username = 'admin'");
		admin.delete()
			.uri("/api/admin/users/{id}/second-factor", self)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:own-second-factor");
		assertThat(TestDatabase
			.queryLong("SELECT count(*) FROM staff_totp WHERE secret IS NOT NULL AND user_id = " + self)).isEqualTo(1);
	}

	@Test
	void aSignedInMemberSetsUpANewAppAndTheOldOneStaysValidUntilThen() {
		String username = teamLead();
		Enrolled first = enrol(StaffLogin.passwordOnly(this.client, username));
		JsonNode secret = post(first.session(), "/api/auth/mfa/enrolment", Map.of()).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		AuthenticatorApp newApp = new AuthenticatorApp(secret.path("secret").asString());

		String pending = StaffLogin.passwordOnly(this.client, username);
		String session = cookie(post(pending, "/api/auth/mfa/verify",
				Map.of("code", first.app().nextCode(Clock.systemUTC(), TOLERANCE)))
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult());
		// The session alone does not replace the app in force: a code of it (or a
		// recovery
		// code) must come too.
		String newCode = newApp.codeAt(Instant.now());
		post(session, "/api/auth/mfa/enrolment/confirm", Map.of("code", newCode)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:current-code-due");
		post(session, "/api/auth/mfa/enrolment/confirm", Map.of("code", newCode, "currentCode", "falsch-falsch"))
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:wrong-current-code");
		List<String> newCodes = recoveryCodes(post(session, "/api/auth/mfa/enrolment/confirm",
				Map.of("code", newCode, "currentCode", first.app().nextCode(Clock.systemUTC(), TOLERANCE))));
		assertThat(newCodes).hasSize(10).doesNotContainAnyElementsOf(first.recoveryCodes());

		String next = StaffLogin.passwordOnly(this.client, username);
		post(next, "/api/auth/mfa/verify", Map.of("code", first.recoveryCodes().get(0))).expectStatus()
			.isUnauthorized();
		post(next, "/api/auth/mfa/verify", Map.of("code", first.app().codeAt(Instant.now().plusSeconds(600))))
			.expectStatus()
			.isUnauthorized();
		post(next, "/api/auth/mfa/verify", Map.of("code", newApp.codeAt(Instant.now().plusSeconds(600)))).expectStatus()
			.isOk();
	}

	/**
	 * Six digits repeat, so a code can stand for two steps of the window (TotpTests has
	 * such a pair). It is taken for both at once: accepted while either was unused, never
	 * again after; a server that took only the earliest refused the app's current code
	 * whenever that earlier step was used already.
	 */
	@Test
	void aCodeThatStandsForTwoStepsIsTakenOnceForBoth() {
		long user = TestDatabase.queryLong("SELECT id FROM staff_user WHERE username = '" + teamLead() + "'");

		assertThat(claim(user, 100)).isTrue();
		assertThat(claim(user, 100, 103)).as("the later step of a shared code is still free").isTrue();
		assertThat(claim(user, 100, 103)).as("the same code again").isFalse();
		assertThat(claim(user, 103)).isFalse();
		assertThat(TestDatabase.queryString("SELECT string_agg(step::text, ',' ORDER BY step) "
				+ "FROM staff_totp_used_step WHERE user_id = " + user))
			.isEqualTo("100,103");
	}

	/**
	 * Two requests confirming the same set-up at once (a double click): one sets the app
	 * up and shows the recovery codes; the other is told there is nothing left to confirm
	 * (409), or, when it arrives after the first has replaced the waiting session with a
	 * signed-in one, that its session is over (401). Either way the codes shown are the
	 * ones that work.
	 */
	@Test
	void aSetUpConfirmedTwiceAtOnceIsSetUpOnceAndItsRecoveryCodesWork() throws Exception {
		String username = teamLead();
		String pending = StaffLogin.passwordOnly(this.client, username);
		JsonNode secret = post(pending, "/api/auth/mfa/enrolment", Map.of()).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		String code = new AuthenticatorApp(secret.path("secret").asString()).codeAt(Instant.now());
		ExecutorService twice = Executors.newFixedThreadPool(2);
		try {
			Callable<EntityExchangeResult<JsonNode>> confirm = () -> post(pending, "/api/auth/mfa/enrolment/confirm",
					Map.of("code", code))
				.expectBody(JsonNode.class)
				.returnResult();
			List<EntityExchangeResult<JsonNode>> answers = new ArrayList<>();
			for (Future<EntityExchangeResult<JsonNode>> answer : twice.invokeAll(List.of(confirm, confirm))) {
				answers.add(answer.get());
			}
			assertThat(answers).extracting((answer) -> answer.getStatus().value())
				.containsOnlyOnce(200)
				.containsAnyOf(409, 401)
				.hasSize(2);
			EntityExchangeResult<JsonNode> setUp = answers.stream()
				.filter((answer) -> answer.getStatus().value() == 200)
				.findFirst()
				.orElseThrow();
			String again = StaffLogin.passwordOnly(this.client, username);
			post(again, "/api/auth/mfa/verify", Map.of("code", recoveryCodes(setUp).get(0))).expectStatus().isOk();
		}
		finally {
			twice.shutdownNow();
		}
	}

	private Boolean claim(long user, long... steps) {
		return this.authenticators.claim(user, steps, 0).block(Duration.ofSeconds(10));
	}

	/**
	 * A team lead of their own, with the demo accounts' password and no second factor.
	 */
	static String teamLead() {
		String username = "lead-" + UUID.randomUUID().toString().substring(0, 8);
		TestDatabase.queryLong("INSERT INTO staff_user (username, display_name, password_hash, roles) SELECT '"
				+ username + "', 'Test Lead " + username
				+ "', password_hash, '{DISPATCHER}' FROM staff_user WHERE username = 'dispatcher' RETURNING id");
		return username;
	}

	@Test
	void aWrongCodeWhileSettingUpSaysSoWithoutPointingToRecoveryCodesThatDoNotExistYetNorLocksTheAccount() {
		String pending = StaffLogin.passwordOnly(this.client, teamLead());
		JsonNode secret = post(pending, "/api/auth/mfa/enrolment", Map.of()).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		AuthenticatorApp app = new AuthenticatorApp(secret.path("secret").asString());
		post(pending, "/api/auth/mfa/enrolment/confirm", Map.of("code", app.wrongCodeAt(Instant.now(), TOLERANCE)))
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:wrong-setup-code")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("gerade eingerichteten")
				.doesNotContain("Wiederherstellungscode"));
		// Wrong set-up codes do not lock the account (the secret is on the screen): after
		// as many as would lock it, the right one still sets the app up.
		for (int i = 0; i < 5; i++) {
			post(pending, "/api/auth/mfa/enrolment/confirm", Map.of("code", app.wrongCodeAt(Instant.now(), TOLERANCE)))
				.expectStatus()
				.isUnauthorized();
		}
		Instant now = Instant.now();
		app.used(now);
		post(pending, "/api/auth/mfa/enrolment/confirm", Map.of("code", app.codeAt(now))).expectStatus().isOk();
	}

	private Enrolled enrol(String pending) {
		JsonNode secret = post(pending, "/api/auth/mfa/enrolment", Map.of()).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(secret.path("qrCode").asString()).startsWith("data:image/svg+xml;base64,");
		assertThat(secret.path("uri").asString()).startsWith("otpauth://totp/Quartier%20Dispatch:");
		AuthenticatorApp app = new AuthenticatorApp(secret.path("secret").asString());
		Instant now = Instant.now();
		app.used(now);
		EntityExchangeResult<JsonNode> confirmed = post(pending, "/api/auth/mfa/enrolment/confirm",
				Map.of("code", app.codeAt(now)))
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult();
		return new Enrolled(secret.path("secret").asString(), app, recoveryCodes(confirmed), cookie(confirmed));
	}

	private static List<String> recoveryCodes(WebTestClient.ResponseSpec response) {
		return recoveryCodes(response.expectStatus().isOk().expectBody(JsonNode.class).returnResult());
	}

	private static List<String> recoveryCodes(EntityExchangeResult<JsonNode> result) {
		return result.getResponseBody().path("recoveryCodes").valueStream().map(JsonNode::asString).toList();
	}

	private JsonNode status(String session) {
		return this.client.get()
			.uri("/api/auth/mfa")
			.cookie("QD_SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec post(String session, String path, Map<String, String> body) {
		String csrf = csrf();
		return this.client.post()
			.uri(path)
			.cookie("QD_SESSION", session)
			.cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.bodyValue(body)
			.exchange();
	}

	private String csrf() {
		return StaffLogin.csrfToken(this.client);
	}

	private static String cookie(EntityExchangeResult<?> result) {
		ResponseCookie session = result.getResponseCookies().getFirst("QD_SESSION");
		assertThat(session).as("a session cookie").isNotNull();
		return session.getValue();
	}

	private static byte[] decodeBase32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		String plain = text.replace(" ", "");
		byte[] bytes = new byte[plain.length() * 5 / 8];
		int buffer = 0;
		int bits = 0;
		int index = 0;
		for (char character : plain.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(character);
			bits += 5;
			if (bits >= 8) {
				bytes[index++] = (byte) (buffer >>> (bits - 8));
				bits -= 8;
			}
		}
		return bytes;
	}

	private record Enrolled(String secret, AuthenticatorApp app, List<String> recoveryCodes, String session) {
	}

}
