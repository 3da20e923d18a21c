package de.quartierdispatch.security;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import de.quartierdispatch.support.AuthenticatorApp;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration decides which roles must have a second factor: here only counter
 * staff, so a team lead signs in with the password alone, unless they have set up an app
 * of their own accord, after which it is asked for.
 */
@IntegrationTest
@TestPropertySource(properties = "quartier.security.mfa.required-roles=COUNTER")
class SecondFactorRoleConfigurationIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void aRoleNamedInTheConfigurationMustEnrol() {
		String counter = member("COUNTER");
		String pending = StaffLogin.passwordOnly(this.client, counter);

		assertThat(me(pending).path("secondFactorPending").asBoolean()).isTrue();
		assertThat(status(pending).path("state").asString()).isEqualTo("ENROL");
		this.client.get()
			.uri("/api/counter/nearby?category=NOISE&lat=51.53&lon=6.93")
			.cookie("QD_SESSION", pending)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void aRoleLeftOutSignsInWithThePasswordUntilTheMemberSetsUpAnAppThemselves() {
		String lead = member("DISPATCHER");
		String session = StaffLogin.passwordOnly(this.client, lead);

		assertThat(me(session).path("secondFactorPending").asBoolean()).isFalse();
		JsonNode status = status(session);
		assertThat(status.path("state").asString()).isEqualTo("NOT_ENROLLED");
		assertThat(status.path("required").asBoolean()).isFalse();
		this.client.get().uri("/api/board/snapshot").cookie("QD_SESSION", session).exchange().expectStatus().isOk();

		String csrf = StaffLogin.csrfToken(this.client);
		JsonNode secret = this.client.post()
			.uri("/api/auth/mfa/enrolment")
			.cookie("QD_SESSION", session)
			.cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		AuthenticatorApp app = new AuthenticatorApp(secret.path("secret").asString());
		this.client.post()
			.uri("/api/auth/mfa/enrolment/confirm")
			.cookie("QD_SESSION", session)
			.cookie("XSRF-TOKEN", csrf)
			.header("X-XSRF-TOKEN", csrf)
			.bodyValue(Map.of("code", app.codeAt(Instant.now())))
			.exchange()
			.expectStatus()
			.isOk();

		String next = StaffLogin.passwordOnly(this.client, lead);
		assertThat(status(next).path("state").asString()).isEqualTo("CODE");
	}

	/** A member of their own with one role and the demo accounts' password. */
	private static String member(String role) {
		String username = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		TestDatabase.queryLong("INSERT INTO staff_user (username, display_name, password_hash, roles) SELECT '"
				+ username + "', 'Test " + username + "', password_hash, '{" + role
				+ "}' FROM staff_user WHERE username = 'dispatcher' RETURNING id");
		return username;
	}

	private JsonNode me(String session) {
		return get("/api/auth/me", session);
	}

	private JsonNode status(String session) {
		return get("/api/auth/mfa", session);
	}

	private JsonNode get(String path, String session) {
		return this.client.get()
			.uri(path)
			.cookie("QD_SESSION", session)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

}
