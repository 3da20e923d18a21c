package de.quartierdispatch.board;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import de.quartierdispatch.support.BoardClient;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.SecondInstance;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board stream through faults: PostgreSQL unreachable for the notification listener
 * (again and again), a sign-out whose notification is lost meanwhile, the instance
 * stopping, and a client sending a text frame that is not UTF-8. The safety poll and the
 * boards' own session check are set far out here, so that only the listener's recovery
 * can deliver in time.
 */
@IntegrationTest
@TestPropertySource(properties = { "quartier.board.poll-interval=1h", "quartier.board.session-check=1h" })
class BoardStreamFaultsIntegrationTests {

	private static final Duration RECOVERY = Duration.ofSeconds(2);

	private static final int OUTAGES = 4;

	private static final String PASSWORD = "Kiesel Laterne Brombeere Hafen";

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private MeterRegistry meters;

	@Test
	void newEventsReachABoardWithinTwoSecondsOfTheDatabaseComingBackHoweverOftenItWasLost() throws Exception {
		long team = TestDatabase.queryLong("SELECT min(id) FROM team");
		List<Long> recoveries = new ArrayList<>();
		try (Connection server = TestDatabase.connectToServer();
				Connection inside = TestDatabase.connectToTestDatabase();
				BoardClient board = BoardClient.connect(this.port, StaffLogin.sessionToken(this.client, "dispatcher"),
						lastSeq())) {
			board.await((json) -> "live".equals(json.path("type").asString()), Duration.ofSeconds(10));
			try {
				for (int outage = 0; outage < OUTAGES; outage++) {
					cutOffListener(server);
					long seq = appendEvent(inside, team);
					long reachable = reconnectAllowed(server);
					board.await((json) -> BoardClient.isEvent(json) && json.get("seq").asLong() == seq,
							Duration.ofSeconds(15));
					recoveries.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - reachable));
				}
			}
			finally {
				reconnectAllowed(server);
			}
		}
		assertThat(recoveries).as("milliseconds from PostgreSQL reachable again to the event on the board")
			.hasSize(OUTAGES)
			.allSatisfy((millis) -> assertThat(millis).isLessThan(RECOVERY.toMillis()));
	}

	@Test
	void aSignOutWhileTheListenerIsDownClosesTheBoardsWithinTwoSecondsOfRecovery() throws Exception {
		String username = newLead();
		String session = StaffLogin.sessionToken(this.client, username, PASSWORD);
		try (Connection server = TestDatabase.connectToServer();
				BoardClient board = BoardClient.connect(this.port, session, lastSeq())) {
			board.await((json) -> "live".equals(json.path("type").asString()), Duration.ofSeconds(10));
			String csrf = StaffLogin.csrfToken(this.client);
			long reachable;
			try {
				cutOffListener(server);
				this.client.post()
					.uri("/api/auth/logout")
					.cookie("QD_SESSION", session)
					.cookie("XSRF-TOKEN", csrf)
					.header("X-XSRF-TOKEN", csrf)
					.exchange()
					.expectStatus()
					.is2xxSuccessful();
				assertThat(board.closeStatusNow()).as("the sign-out's notification was lost").isNull();
			}
			finally {
				reachable = reconnectAllowed(server);
			}
			CloseStatus closed = board.awaitClose(Duration.ofSeconds(15));
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - reachable);

			assertThat(closed.getCode()).isEqualTo(BoardSessions.SIGNED_OUT.getCode());
			assertThat(millis).as("milliseconds from recovery to the close").isLessThan(RECOVERY.toMillis());
		}
	}

	@Test
	void boardsOnAStoppingInstanceAreClosedAtOnceWithGoingAway() throws Exception {
		ConfigurableApplicationContext instance = SecondInstance.start("--server.port=0",
				"--quartier.scheduling.enabled=false");
		int instancePort = SecondInstance.port(instance);
		try (BoardClient board = BoardClient.connect(instancePort, StaffLogin.sessionToken(this.client, "dispatcher"),
				lastSeq())) {
			board.await((json) -> "live".equals(json.path("type").asString()), Duration.ofSeconds(10));
			long stopping = System.nanoTime();
			CompletableFuture<Void> stopped = CompletableFuture.runAsync(instance::close);
			CloseStatus closed = board.awaitClose(Duration.ofSeconds(15));
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
			stopped.get(60, TimeUnit.SECONDS);

			assertThat(closed.getCode()).isEqualTo(CloseStatus.GOING_AWAY.getCode());
			assertThat(millis).as("milliseconds from the stop to the close").isLessThan(1000);
		}
		finally {
			instance.close();
		}
	}

	@Test
	void aTextFrameThatIsNotUtf8ClosesTheBoardWith1007() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, "QD_SESSION=" + StaffLogin.sessionToken(this.client, "dispatcher"));
		Sinks.One<CloseStatus> closed = Sinks.one();
		// 0xC3 starts a two-byte sequence that 0x28 ('(') does not continue.
		byte[] notUtf8 = { 'o', 'k', (byte) 0xC3, 0x28 };
		new ReactorNettyWebSocketClient()
			.execute(URI.create("ws://localhost:" + this.port + "/ws/board?since=" + lastSeq()), headers,
					(session) -> Mono
						.when(session.closeStatus().doOnNext(closed::tryEmitValue),
								session.send(Mono.just(new WebSocketMessage(WebSocketMessage.Type.TEXT,
										session.bufferFactory().wrap(notUtf8)))),
								session.receive().then()))
			.subscribe();

		CloseStatus status = closed.asMono().block(Duration.ofSeconds(15));

		assertThat(status).isNotNull();
		assertThat(status.getCode()).isEqualTo(CloseStatus.BAD_DATA.getCode());
	}

	@Test
	void aFrameWithReservedBitsClosesTheBoardWith1002() throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			DataInputStream in = new DataInputStream(socket.getInputStream());
			out.write(("GET /ws/board?since=" + lastSeq() + " HTTP/1.1\r\nHost: localhost:" + this.port
					+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nCookie: QD_SESSION="
					+ StaffLogin.sessionToken(this.client, "dispatcher") + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			assertThat(headLine(in)).isEqualTo("HTTP/1.1 101 Switching Protocols");
			// FIN, RSV1 (no extension was negotiated), text; masked as a client must.
			byte[] payload = "{}".getBytes(StandardCharsets.US_ASCII);
			out.write(new byte[] { (byte) 0xC1, (byte) (0x80 | payload.length), 0, 0, 0, 0 });
			out.write(payload);
			out.flush();

			assertThat(closeCode(in)).isEqualTo(CloseStatus.PROTOCOL_ERROR.getCode());
		}
	}

	/** The status line, after which the rest of the handshake's head is skipped. */
	private static String headLine(DataInputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			head.append((char) in.readUnsignedByte());
		}
		return head.substring(0, head.indexOf("\r\n"));
	}

	/**
	 * Reads the server's frames (unmasked, short) until its close frame, and its code.
	 */
	private static int closeCode(DataInputStream in) throws IOException {
		while (true) {
			int opcode = in.readUnsignedByte() & 0x0F;
			int length = in.readUnsignedByte() & 0x7F;
			if (length == 126) {
				length = in.readUnsignedShort();
			}
			byte[] payload = in.readNBytes(length);
			if (opcode == 0x8) {
				return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
			}
		}
	}

	private String newLead() {
		String username = "lead-" + UUID.randomUUID().toString().substring(0, 8);
		StaffLogin.as(this.client, "admin")
			.post()
			.uri("/api/admin/users")
			.bodyValue(Map.of("username", username, "displayName", "Lead on the board", "password", PASSWORD, "roles",
					List.of("DISPATCHER")))
			.exchange()
			.expectStatus()
			.isCreated();
		return username;
	}

	/**
	 * Makes PostgreSQL refuse new connections to this run's database, ends the listeners'
	 * connections, and waits until this application's listener has failed to reconnect at
	 * least once.
	 */
	private void cutOffListener(Connection server) throws SQLException {
		double lostBefore = lost();
		execute(server, "ALTER DATABASE \"" + TestDatabase.name() + "\" WITH ALLOW_CONNECTIONS false");
		execute(server, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + TestDatabase.name()
				+ "' AND query LIKE 'LISTEN %'");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> lost() >= lostBefore + 2);
	}

	/** Lets connections in again; returns the moment it did. */
	private static long reconnectAllowed(Connection server) throws SQLException {
		execute(server, "ALTER DATABASE \"" + TestDatabase.name() + "\" WITH ALLOW_CONNECTIONS true");
		return System.nanoTime();
	}

	private double lost() {
		return this.meters.counter("quartier.notifications.connection.lost").count();
	}

	private static long appendEvent(Connection admin, long team) throws SQLException {
		try (Statement statement = admin.createStatement();
				var row = statement.executeQuery(
						"SELECT append_board_event('TEAM_STATUS_CHANGED', NULL, " + team + ", 'test', '{}'::jsonb)")) {
			row.next();
			return row.getLong(1);
		}
	}

	private static void execute(Connection admin, String sql) throws SQLException {
		try (Statement statement = admin.createStatement()) {
			statement.execute(sql);
		}
	}

	private static long lastSeq() {
		return TestDatabase.queryLong("SELECT last_seq FROM board_event_sequence");
	}

}
