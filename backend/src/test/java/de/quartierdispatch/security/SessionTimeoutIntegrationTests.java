package de.quartierdispatch.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

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
import org.springframework.test.web.reactive.server.StatusAssertions;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A session ends after 30 minutes without a request, and 12 hours after sign-in however
 * busy it is (the defaults), on a clock the test moves.
 */
@IntegrationTest
@Import(SessionTimeoutIntegrationTests.TestClock.class)
@TestPropertySource(properties = "quartier.scheduling.enabled=false")
class SessionTimeoutIntegrationTests {

	static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-05-03T06:00:00Z"));

	@Autowired
	private WebTestClient client;

	@Test
	void aSessionEndsAfterHalfAnHourWithoutARequest() {
		CLOCK.set(Instant.parse("2027-05-03T06:00:00Z"));
		String session = StaffLogin.sessionToken(this.client, "counter");

		CLOCK.advance(Duration.ofMinutes(29));
		me(session).isOk();
		CLOCK.advance(Duration.ofMinutes(29));
		// Each request counts as activity.
		me(session).isOk();
		CLOCK.advance(Duration.ofMinutes(31));
		me(session).isUnauthorized();
	}

	@Test
	void aSessionEndsTwelveHoursAfterSignInHoweverBusy() {
		CLOCK.set(Instant.parse("2027-05-04T06:00:00Z"));
		String session = StaffLogin.sessionToken(this.client, "counter");
		for (int i = 0; i < 28; i++) {
			CLOCK.advance(Duration.ofMinutes(25));
			me(session).isOk();
		}
		CLOCK.advance(Duration.ofMinutes(25));
		// 12 h 5 min after sign-in.
		me(session).isUnauthorized();
	}

	private StatusAssertions me(String session) {
		return this.client.get().uri("/api/auth/me").cookie("QD_SESSION", session).exchange().expectStatus();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		Clock testClock() {
			return CLOCK;
		}

	}

}
