package de.quartierdispatch.board;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import de.quartierdispatch.support.BoardClient;
import de.quartierdispatch.support.Fixtures;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.CloseStatus;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class BoardStreamIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Test
	void aBoardSeesAReportFromThePublicFormAsItArrives() throws Exception {
		String session = StaffLogin.sessionToken(this.client, "dispatcher");
		try (BoardClient board = BoardClient.connect(this.port, session, currentSeq())) {
			board.await((json) -> "live".equals(json.path("type").asString()), WAIT);
			long incident = Fixtures.reportIncident(this.client, "NOISE", 51.5423, 6.9681);
			JsonNode event = board.awaitEvent("INCIDENT_OPENED", WAIT);
			assertThat(event.get("incidentId").asLong()).isEqualTo(incident);
			assertThat(event.at("/data/incident/category").asString()).isEqualTo("NOISE");
			assertThat(event.at("/data/incident/quarter/name").asString()).isEqualTo("Boy-West");
			assertThat(event.toString()).as("no reporter contact, no free text")
				.doesNotContain("description")
				.doesNotContain("email");
		}
	}

	@Test
	void aReconnectingBoardGetsWhatItMissedThenLiveEventsWithoutGapOrDuplicate() throws Exception {
		long before = currentSeq();
		for (int i = 0; i < 5; i++) {
			Fixtures.reportIncident(this.client, "LITTER", 51.5423, 6.9681);
		}
		long afterMissed = currentSeq();
		String session = StaffLogin.sessionToken(this.client, "dispatcher");
		try (BoardClient board = BoardClient.connect(this.port, session, before)) {
			board.await((json) -> "live".equals(json.path("type").asString()), WAIT);
			Fixtures.reportIncident(this.client, "LITTER", 51.5423, 6.9681);
			board.await((json) -> json.path("seq").asLong() == afterMissed + 1 && BoardClient.isEvent(json), WAIT);
			List<Long> expected = new ArrayList<>();
			for (long seq = before + 1; seq <= afterMissed + 1; seq++) {
				expected.add(seq);
			}
			assertThat(board.seqs()).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void aBoardWithNothingOrTooFarBehindIsToldToReloadTheSnapshot() {
		String session = StaffLogin.sessionToken(this.client, "dispatcher");
		try (BoardClient board = BoardClient.connect(this.port, session, -1)) {
			assertThat(board.awaitClose(WAIT).getCode()).isEqualTo(4000);
		}
		StaffLogin.as(this.client, "dispatcher")
			.get()
			.uri("/api/board/snapshot")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.seq")
			.isNumber()
			.jsonPath("$.incidents")
			.isArray()
			.jsonPath("$.teams[0].status")
			.isNotEmpty()
			.jsonPath("$.teamTypes[0].code")
			.isEqualTo("KOD");
	}

	@Test
	void aHandshakeFromAForeignOriginOrWithoutASessionIsRefused() {
		String session = StaffLogin.sessionToken(this.client, "dispatcher");
		this.client.get()
			.uri("/ws/board?since=0")
			.header(HttpHeaders.COOKIE, "QD_SESSION=" + session)
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.UPGRADE, "websocket")
			.header(HttpHeaders.CONNECTION, "Upgrade")
			.header("Sec-WebSocket-Version", "13")
			.header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/ws/board?since=0")
			.header(HttpHeaders.UPGRADE, "websocket")
			.header(HttpHeaders.CONNECTION, "Upgrade")
			.header("Sec-WebSocket-Version", "13")
			.header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		this.client.get()
			.uri("/ws/board?since=0")
			.header(HttpHeaders.COOKIE, "QD_SESSION=" + StaffLogin.sessionToken(this.client, "counter"))
			.header(HttpHeaders.UPGRADE, "websocket")
			.header(HttpHeaders.CONNECTION, "Upgrade")
			.header("Sec-WebSocket-Version", "13")
			.header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void anAccountCannotOpenMoreThanItsShareOfBoards() {
		String session = StaffLogin.sessionToken(this.client, "dispatcher");
		List<BoardClient> boards = new ArrayList<>();
		try {
			long seq = currentSeq();
			for (int i = 0; i < 5; i++) {
				BoardClient board = BoardClient.connect(this.port, session, seq);
				boards.add(board);
				board.await((json) -> "live".equals(json.path("type").asString()), WAIT);
			}
			BoardClient sixth = BoardClient.connect(this.port, session, seq);
			boards.add(sixth);
			CloseStatus status = sixth.awaitClose(WAIT);
			assertThat(status.getCode()).isEqualTo(4029);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			boards.forEach(BoardClient::close);
		}
	}

	@Test
	void signingOutClosesTheAccountsOpenBoards() throws Exception {
		WebTestClient dispatcher = StaffLogin.as(this.client, "dispatcher");
		String session = StaffLogin.sessionToken(this.client, "dispatcher");
		try (BoardClient board = BoardClient.connect(this.port, session, currentSeq())) {
			board.await((json) -> "live".equals(json.path("type").asString()), WAIT);
			dispatcher.post().uri("/api/auth/logout").exchange().expectStatus().isNoContent();
			assertThat(board.awaitClose(WAIT).getCode()).isEqualTo(4001);
		}
	}

	private static long currentSeq() {
		return TestDatabase.queryLong("SELECT last_seq FROM board_event_sequence");
	}

}
