package de.quartierdispatch.security;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong passwords sent at once count as if sent one after the other: no more of them are
 * checked against the password than the lock allows, so a burst cannot guess more often
 * than patience could.
 */
@IntegrationTest
@TestPropertySource(
		properties = { "quartier.security.sign-in-attempts-per-minute=1000", "quartier.security.max-failed-logins=3" })
class ConcurrentSignInIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Test
	void aBurstOfWrongPasswordsIsCheckedNoMoreOftenThanTheLockAllows() throws Exception {
		String username = Fixtures.fieldMember(Fixtures.team("KOD", 51.53, 6.93));
		List<Callable<Integer>> guesses = new ArrayList<>();
		for (int guess = 0; guess < 8; guess++) {
			String password = "wrong guess " + guess;
			guesses.add(() -> signIn(username, password));
		}
		ExecutorService burst = Executors.newFixedThreadPool(guesses.size());
		try {
			for (Future<Integer> status : burst.invokeAll(guesses)) {
				assertThat(status.get()).isEqualTo(401);
			}
		}
		finally {
			burst.shutdown();
		}
		assertThat(TestDatabase.queryLong("SELECT failed_logins FROM staff_user WHERE username = '" + username + "'"))
			.isEqualTo(3);
		assertThat(signIn(username, StaffLogin.PASSWORD)).isEqualTo(401);
	}

	private int signIn(String username, String password) {
		return StaffLogin.attempt(this.client, username, password).returnResult(String.class).getStatus().value();
	}

}
