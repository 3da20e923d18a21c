package de.quartierdispatch.board;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import de.quartierdispatch.support.BoardClient;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.Parallel;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sequence numbers are gap-free in commit order, also with many concurrent writers whose
 * transactions take different times and sometimes roll back; boards that disconnect and
 * reconnect at random all end with exactly the same, complete, ordered list of events.
 */
@IntegrationTest
class GapFreeSequenceIntegrationTests {

	private static final int WRITERS = 8;

	private static final int TRANSACTIONS_PER_WRITER = 40;

	private static final int BOARDS = 4;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Test
	void concurrentWritersAndReconnectingBoardsAgreeOnOneCompleteOrderedList() throws Exception {
		long start = TestDatabase.queryLong("SELECT last_seq FROM board_event_sequence");
		long team = TestDatabase.queryLong("SELECT min(id) FROM team");
		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicInteger committed = new AtomicInteger();
		List<Callable<List<Long>>> racers = new ArrayList<>();
		List<Callable<List<Long>>> writers = new ArrayList<>();
		for (int i = 0; i < WRITERS; i++) {
			writers.add(() -> {
				write(team, committed);
				return List.of();
			});
		}
		racers.add(() -> {
			Parallel.race(writers);
			writing.set(false);
			return List.of();
		});
		for (int i = 0; i < BOARDS; i++) {
			String session = StaffLogin.sessionToken(this.client, "dispatcher");
			racers.add(() -> followWithRandomReconnects(session, start, writing));
		}
		List<List<Long>> results = Parallel.race(racers);
		long end = TestDatabase.queryLong("SELECT last_seq FROM board_event_sequence");
		List<Long> expected = new ArrayList<>();
		for (long seq = start + 1; seq <= end; seq++) {
			expected.add(seq);
		}
		assertThat(TestDatabase.queryLong("SELECT count(*) FROM board_event WHERE seq > " + start))
			.as("the table has no gap")
			.isEqualTo(end - start);
		assertThat(expected).hasSizeGreaterThanOrEqualTo(committed.get());
		for (List<Long> board : results.subList(1, results.size())) {
			assertThat(board).as("every board, after its reconnects").containsExactlyElementsOf(expected);
		}
	}

	/**
	 * One writer: transactions of 1 to 3 events, some held open for a while, some rolled
	 * back.
	 */
	private static void write(long team, AtomicInteger committed) throws SQLException {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		try (Connection connection = TestDatabase.connectToTestDatabase();
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			for (int i = 0; i < TRANSACTIONS_PER_WRITER; i++) {
				int events = random.nextInt(1, 4);
				for (int e = 0; e < events; e++) {
					statement.execute("SELECT append_board_event('TEAM_STATUS_CHANGED', NULL, " + team
							+ ", 'test', '{\"writer\": true}')");
					if (random.nextInt(4) == 0) {
						// A slow transaction: it holds its sequence numbers while others
						// wait to commit.
						statement.execute("SELECT pg_sleep(" + random.nextInt(1, 20) / 1000.0 + ")");
					}
				}
				if (random.nextInt(10) == 0) {
					connection.rollback();
				}
				else {
					connection.commit();
					committed.addAndGet(events);
				}
			}
		}
	}

	/**
	 * A board that reads a few events, disconnects, and resumes from the last one it
	 * applied.
	 */
	private List<Long> followWithRandomReconnects(String session, long start, AtomicBoolean writing) throws Exception {
		List<Long> applied = new ArrayList<>();
		long since = start;
		while (writing.get() || since < lastSeq()) {
			int toRead = ThreadLocalRandom.current().nextInt(1, 60);
			try (BoardClient board = BoardClient.connect(this.port, session, since)) {
				int read = 0;
				while (read < toRead && (writing.get() || since < lastSeq())) {
					JsonNode event = awaitNextEvent(board, Duration.ofMillis(500));
					if (event != null) {
						since = event.get("seq").asLong();
						applied.add(since);
						read++;
					}
				}
			}
		}
		return applied;
	}

	private static JsonNode awaitNextEvent(BoardClient board, Duration timeout) throws InterruptedException {
		try {
			return board.await(BoardClient::isEvent, timeout);
		}
		catch (AssertionError nothingYet) {
			return null;
		}
	}

	private static long lastSeq() {
		return TestDatabase.queryLong("SELECT last_seq FROM board_event_sequence");
	}

}
