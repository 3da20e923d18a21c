package de.quartierdispatch.board;

import java.time.Duration;

import de.quartierdispatch.support.BoardClient;
import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A board whose server cannot read new events (its database is gone) is told so with
 * every heartbeat, rather than looking live while nothing can reach it, and is told again
 * when the server has caught up.
 */
@IntegrationTest
@TestPropertySource(properties = { "quartier.board.poll-interval=200ms", "quartier.board.heartbeat=300ms",
		"quartier.board.session-check=500ms",
		"spring.r2dbc.properties.applicationName=" + BoardBehindIntegrationTests.INSTANCE })
class BoardBehindIntegrationTests {

	/** This instance's name in pg_stat_activity: the outage ends only its connections. */
	static final String INSTANCE = "quartier-dispatch-board-behind";

	private static final Duration WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Test
	void aBoardIsToldWhileItsServerCannotReadNewEventsAndAgainOnceItCan() throws Exception {
		String session = StaffLogin.sessionToken(this.client, "dispatcher");
		long since = TestDatabase.queryLong("SELECT last_seq FROM board_event_sequence");
		try (BoardClient board = BoardClient.connect(this.port, session, since)) {
			board.await((json) -> "live".equals(json.path("type").asString()), WAIT);
			board.await((json) -> heartbeat(json) && !behind(json), WAIT);
			long restored;
			try {
				TestDatabase.cutOffApplication(INSTANCE, true);
				// Away long enough for retries that back off to be seconds apart.
				for (int beat = 0; beat < 30; beat++) {
					board.await((json) -> heartbeat(json) && behind(json), WAIT);
				}
			}
			finally {
				TestDatabase.cutOffApplication(INSTANCE, false);
				restored = System.nanoTime();
			}
			board.await((json) -> heartbeat(json) && !behind(json), WAIT);
			assertThat(Duration.ofNanos(System.nanoTime() - restored))
				.as("caught up at the next wake-up once the database is back (README: within 2 s)")
				.isLessThan(Duration.ofSeconds(3));
		}
	}

	/**
	 * A session check that fails while the database is away decides nothing: the checks
	 * go on, and a sign-in that lapses afterwards still closes the board.
	 */
	@Test
	void aSessionCheckThatFailsWhileTheDatabaseIsAwayDoesNotEndTheChecks() throws Exception {
		String lead = Fixtures.leadFor("Mitte");
		String session = StaffLogin.sessionToken(this.client, lead);
		long since = TestDatabase.queryLong("SELECT last_seq FROM board_event_sequence");
		try (BoardClient board = BoardClient.connect(this.port, session, since)) {
			board.await((json) -> "live".equals(json.path("type").asString()), WAIT);
			try {
				TestDatabase.cutOffApplication(INSTANCE, true);
				// Away for longer than two session checks.
				for (int beat = 0; beat < 4; beat++) {
					board.await((json) -> heartbeat(json) && behind(json), WAIT);
				}
			}
			finally {
				TestDatabase.cutOffApplication(INSTANCE, false);
			}
			board.await((json) -> heartbeat(json) && !behind(json), WAIT);
			// Lapsed, as by its absolute limit: no sign-out notification, only the check.
			TestDatabase.queryLong("UPDATE staff_session SET created_at = now() - interval '30 days' "
					+ "WHERE user_id = (SELECT id FROM staff_user WHERE username = '" + lead + "') RETURNING user_id");
			assertThat(board.awaitClose(WAIT).getCode()).isEqualTo(BoardSessions.SIGNED_OUT.getCode());
		}
	}

	private static boolean heartbeat(JsonNode json) {
		return "heartbeat".equals(json.path("type").asString());
	}

	private static boolean behind(JsonNode json) {
		return json.path("behind").asBoolean(false);
	}

}
