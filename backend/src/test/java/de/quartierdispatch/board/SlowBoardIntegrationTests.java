package de.quartierdispatch.board;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import de.quartierdispatch.support.BoardClient;
import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.support.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A board that stops reading (a frozen tab, a dead network) is disconnected with a clear
 * close code, and the other boards keep receiving every event on time. Heartbeats and
 * buffers are short here so that the test does not have to wait for production timings.
 */
@IntegrationTest
@TestPropertySource(properties = { "quartier.board.heartbeat=500ms", "quartier.board.dead-after=5s",
		"quartier.board.session-buffer=64" })
class SlowBoardIntegrationTests {

	private static final int EVENTS = 250;

	@LocalServerPort
	private int port;

	@Autowired
	private WebTestClient client;

	@Autowired
	private MeterRegistry meters;

	@Test
	void aBoardThatStopsReadingIsDisconnectedAndTheOthersKeepReceivingOnTime() throws Exception {
		long start = TestDatabase.queryLong("SELECT last_seq FROM board_event_sequence");
		StalledBoard stalled = new StalledBoard(this.port, StaffLogin.sessionToken(this.client, "dispatcher"), start);
		try (BoardClient healthy = BoardClient.connect(this.port, StaffLogin.sessionToken(this.client, "dispatcher"),
				start)) {
			healthy.await((json) -> "live".equals(json.path("type").asString()), Duration.ofSeconds(10));
			long team = TestDatabase.queryLong("SELECT min(id) FROM team");
			// A busy evening: 50 changes a second for five seconds, each committed on its
			// own.
			Flux.interval(Duration.ofMillis(20))
				.take(EVENTS)
				.concatMap((tick) -> Mono.fromCallable(() -> TestDatabase.queryLong("SELECT append_board_event("
						+ "'TEAM_STATUS_CHANGED', NULL, " + team + ", 'test', '{}'::jsonb)")))
				.blockLast(Duration.ofSeconds(60));
			long end = start + EVENTS;
			healthy.await((json) -> BoardClient.isEvent(json) && json.get("seq").asLong() == end,
					Duration.ofSeconds(10));
			assertThat(healthy.seqs()).hasSize(EVENTS).doesNotHaveDuplicates().isSorted();
			assertThat(healthy.latenciesMillis()).as("every event reached the healthy board within a second")
				.allSatisfy((latency) -> assertThat(latency).isLessThan(1000));
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(closed("4008") + closed("4002"))
					.as("the stalled board was closed as too slow or as not answering")
					.isEqualTo(1));
			assertThat(stalled.received()).isLessThan(EVENTS);
		}
		finally {
			stalled.close();
		}
	}

	private double closed(String code) {
		Counter counter = this.meters.find("quartier.board.closed").tag("code", code).counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * A board whose reader stops: it requests nothing, so nothing is read from the
	 * socket.
	 */
	static final class StalledBoard {

		private final AtomicReference<Subscription> reader = new AtomicReference<>();

		private final AtomicInteger received = new AtomicInteger();

		private final Disposable connection;

		StalledBoard(int port, String session, long since) {
			HttpHeaders headers = new HttpHeaders();
			headers.add(HttpHeaders.COOKIE, "QD_SESSION=" + session);
			this.connection = new ReactorNettyWebSocketClient()
				.execute(URI.create("ws://localhost:" + port + "/ws/board?since=" + since), headers, (webSocket) -> Mono
					.<Void>create((done) -> webSocket.receive().subscribe(new BaseSubscriber<WebSocketMessage>() {

						@Override
						protected void hookOnSubscribe(Subscription subscription) {
							StalledBoard.this.reader.set(subscription);
						}

						@Override
						protected void hookOnNext(WebSocketMessage message) {
							StalledBoard.this.received.incrementAndGet();
						}

						@Override
						protected void hookFinally(SignalType type) {
							done.success();
						}

					})))
				.subscribe();
		}

		int received() {
			return this.received.get();
		}

		void close() {
			this.connection.dispose();
		}

	}

}
