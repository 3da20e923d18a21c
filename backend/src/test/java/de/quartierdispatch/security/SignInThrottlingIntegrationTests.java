package de.quartierdispatch.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.MutableClock;
import de.quartierdispatch.support.StaffLogin;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing passwords is slowed down twice: per client address (sign-in attempts per
 * minute) and per account (locked after failures in a row, for everyone, even with the
 * right password, until the lock runs out, answering exactly as for an unknown user). The
 * clock stands still, so that no allowance refills however slowly the machine hashes the
 * passwords.
 */
@IntegrationTest
@TestPropertySource(properties = { "quartier.security.sign-in-attempts-per-minute=12",
		"quartier.security.max-failed-logins=3", "quartier.scheduling.enabled=false" })
@Import(SignInThrottlingIntegrationTests.StoppedClock.class)
class SignInThrottlingIntegrationTests {

	static final MutableClock CLOCK = new MutableClock(Instant.now());

	@Autowired
	private WebTestClient client;

	@Test
	void anAccountIsLockedAfterFailuresInARowThenAClientAddressIsCutOff() {
		long team = Fixtures.team("KOD", 51.53, 6.93);
		String username = Fixtures.fieldMember(team);
		String bystander = Fixtures.fieldMember(team);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			statuses.add(signIn(username, "wrong password " + i).returnResult(String.class).getStatus().value());
		}
		WebTestClient.ResponseSpec locked = signIn(username, StaffLogin.PASSWORD);

		assertThat(statuses).containsOnly(401);
		// Locked answers exactly like an unknown username: nothing tells that it exists.
		byte[] unknown = signIn("no-such-user", StaffLogin.PASSWORD).expectStatus()
			.isEqualTo(401)
			.expectBody()
			.returnResult()
			.getResponseBody();
		byte[] lockedBody = locked.expectStatus().isEqualTo(401).expectBody().returnResult().getResponseBody();
		assertThat(lockedBody).isEqualTo(unknown);
		// ... and it tells everyone when an account locks, so the locked one knows to
		// wait.
		assertThat(new String(lockedBody, StandardCharsets.UTF_8)).contains("Nach 3 Fehlversuchen in Folge")
			.contains("15 Minuten gesperrt");

		// Five attempts so far from this address; the limit is twelve a minute. Guessing
		// names that do not exist locks no account, so only the address limit can stop
		// it.
		List<Integer> more = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			more.add(signIn("nobody-" + i, "still guessing").returnResult(String.class).getStatus().value());
		}
		assertThat(more.subList(0, 7)).containsOnly(401);
		assertThat(more.subList(7, 9)).containsOnly(429);
		signIn(bystander, StaffLogin.PASSWORD).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:problem:quartier-dispatch:too-many-requests");
	}

	private WebTestClient.ResponseSpec signIn(String username, String password) {
		return StaffLogin.attempt(this.client, username, password);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StoppedClock {

		@Bean
		@Primary
		Clock stoppedClock() {
			return CLOCK;
		}

	}

}
