package de.quartierdispatch.security;

import java.time.Duration;

import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One request, one identity: what authorization saw is what the handler gets, even when
 * the session ends in between (a CI run had a 500 where another administrator's change
 * ended the session of the one whose request was under way).
 */
@IntegrationTest
class SessionSecurityContextRepositoryIntegrationTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private SessionSecurityContextRepository repository;

	@Test
	void aRequestKeepsTheIdentityItWasAuthorizedWithWhenItsSessionEndsMeanwhile() {
		String token = StaffLogin.sessionToken(this.client, "dispatcher");
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/api/board/snapshot").cookie(new HttpCookie("QD_SESSION", token)));
		Mono<SecurityContext> context = this.repository.load(exchange);
		SecurityContext authorized = context.block(Duration.ofSeconds(10));
		assertThat(authorized).isNotNull();

		// This request's session alone ends (others' tests keep theirs).
		assertThat(
				TestDatabase.queryLong("WITH ended AS (DELETE FROM staff_session WHERE token_hash = sha256(convert_to('"
						+ token + "', 'SQL_ASCII')) RETURNING 1) SELECT count(*) FROM ended"))
			.isOne();

		assertThat(context.block(Duration.ofSeconds(10))).isSameAs(authorized);
		assertThat(this.repository.load(exchange).blockOptional(Duration.ofSeconds(10)))
			.as("a new request finds the session ended")
			.isEmpty();
	}

}
