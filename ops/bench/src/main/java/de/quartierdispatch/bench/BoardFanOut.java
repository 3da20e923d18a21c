package de.quartierdispatch.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * Scenario 3: a thousand team leads' boards on the WebSocket stream while incidents
 * change at a steady rate. Every board checks that it gets every event exactly once and
 * in order (sequence numbers are gap-free), and records how long each event took from its
 * commit to the board.
 *
 * <p>
 * The start of that time is the event's {@code at}: {@code clock_timestamp()} when the
 * event row is written, the transaction's last statement but one before commit. It is
 * read from the same clock as the boards' (one machine), and it lies a little before the
 * commit, so the figures are an upper bound.
 */
final class BoardFanOut {

	private final List<Api> instances;

	private final BenchDatabase db;

	private final ReportBodies bodies;

	BoardFanOut(List<Api> instances, BenchDatabase db, ReportBodies bodies) {
		this.instances = instances;
		this.db = db;
		this.bodies = bodies;
	}

	ScenarioResult run(String id, int boards, int rate, Duration duration) throws SQLException, InterruptedException {
		String session = this.instances.get(0).signIn("dispatcher", AppInstance.DEMO_PASSWORD);
		long since = this.db.lastEventSeq();
		Recorder latency = new Recorder(3);
		CountDownLatch live = new CountDownLatch(boards);
		// Set once the load ends: each board counts down when it has the last event.
		AtomicLong caughtUpTo = new AtomicLong(Long.MAX_VALUE);
		CountDownLatch caughtUp = new CountDownLatch(boards);
		List<Board> connected = new ArrayList<>();
		long connecting = System.nanoTime();
		for (int i = 0; i < boards; i++) {
			Board board = new Board(since, latency, live, caughtUpTo, caughtUp);
			board.connect(this.instances.get(i % this.instances.size()).baseUrl(), session);
			connected.add(board);
		}
		boolean allLive = live.await(60, TimeUnit.SECONDS);
		BareListener bare = new BareListener(this.db);
		double connectSeconds = (System.nanoTime() - connecting) / 1e9;
		SplittableRandom random = new SplittableRandom(7);
		OpenLoad.Result load = OpenLoad.run(rate, duration,
				(n) -> this.instances.get((int) (n % this.instances.size())).submit(this.bodies.next(random.split())));
		long last = this.db.lastEventSeq();
		caughtUpTo.set(last);
		connected.forEach(Board::checkCaughtUp);
		caughtUp.await(30, TimeUnit.SECONDS);
		BareListener.Result listened;
		try (bare) {
			listened = bare.result(this.db, since);
		}
		Histogram limit = listened.latency();
		Histogram arrival = latency.getIntervalHistogram();
		long closedEarly = connected.stream().filter((board) -> board.closedWith.get() != 0).count();
		List<Long> closeCodes = connected.stream()
			.map((board) -> board.closedWith.get())
			.filter((code) -> code != 0)
			.distinct()
			.toList();
		connected.forEach(Board::close);
		long expected = last - since;
		long lost = connected.stream().mapToLong((board) -> board.lost(last)).sum();
		long duplicated = connected.stream().mapToLong((board) -> board.duplicated.get()).sum();
		long outOfOrder = connected.stream().mapToLong((board) -> board.outOfOrder.get()).sum();
		ScenarioResult.Builder result = ScenarioResult
			.of(id, "Board fan-out: %d boards on %d instance(s), %d changes/s for %d s".formatted(boards,
					this.instances.size(), rate, duration.toSeconds()))
			.figure("boards_live", boards - live.getCount())
			.figure("connect_all_s", connectSeconds)
			.figure("events", expected)
			.figure("deliveries", arrival.getTotalCount())
			.figure("lost", lost)
			.figure("duplicated", duplicated)
			.figure("out_of_order", outOfOrder)
			.figure("closed_early", closedEarly)
			.figure("submission_errors", load.errors())
			.figure("latency_p50_ms", arrival.getValueAtPercentile(50) / 1000.0)
			.figure("latency_p99_ms", arrival.getValueAtPercentile(99) / 1000.0)
			.figure("latency_p999_ms", arrival.getValueAtPercentile(99.9) / 1000.0)
			.figure("latency_max_ms", arrival.getMaxValue() / 1000.0)
			.figure("bare_listen_p50_ms", limit.getValueAtPercentile(50) / 1000.0)
			.figure("bare_listen_p99_ms", limit.getValueAtPercentile(99) / 1000.0)
			.figure("bare_listen_lost", listened.lost())
			.figure("p99_over_bare_listen_ms",
					(arrival.getValueAtPercentile(99) - limit.getValueAtPercentile(99)) / 1000.0)
			.goal("boards_live", "==", boards)
			.goal("p99_over_bare_listen_ms", "<=", 100,
					"board p99 − p99 of a bare JDBC LISTEN client (same notifications)")
			.goal("lost", "==", 0)
			.goal("duplicated", "==", 0)
			.goal("out_of_order", "==", 0)
			.goal("closed_early", "==", 0)
			.goal("submission_errors", "==", 0);
		if (!allLive) {
			result.note("only " + (boards - live.getCount()) + " boards were live within 60 s");
		}
		closeCodes.forEach((code) -> result.note("a board was closed with code " + code));
		load.errorSamples().forEach((sample) -> result.note("submission error: " + sample));
		this.latencyHistogram = arrival;
		return result.build();
	}

	private Histogram latencyHistogram;

	Histogram latencyHistogram() {
		return this.latencyHistogram;
	}

	/**
	 * One board: a WebSocket connection and its bookkeeping. Its messages arrive on one
	 * event-loop thread, in order; the counters are read by the scenario's thread.
	 */
	private static final class Board {

		private final Recorder latency;

		private final CountDownLatch live;

		private final AtomicLong caughtUpTo;

		private final CountDownLatch caughtUp;

		private final AtomicBoolean counted = new AtomicBoolean();

		private final AtomicLong next;

		private final AtomicLong lost = new AtomicLong();

		private final AtomicLong duplicated = new AtomicLong();

		private final AtomicLong outOfOrder = new AtomicLong();

		private final AtomicLong closedWith = new AtomicLong();

		private Disposable connection;

		Board(long since, Recorder latency, CountDownLatch live, AtomicLong caughtUpTo, CountDownLatch caughtUp) {
			this.next = new AtomicLong(since + 1);
			this.latency = latency;
			this.live = live;
			this.caughtUpTo = caughtUpTo;
			this.caughtUp = caughtUp;
		}

		void connect(String baseUrl, String session) {
			this.connection = HttpClient.newConnection()
				.headers((headers) -> headers.set(HttpHeaderNames.COOKIE, "QD_SESSION=" + session)
					.set(HttpHeaderNames.ORIGIN, baseUrl))
				.websocket(WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build())
				.uri(baseUrl.replace("http", "ws") + "/ws/board?since=" + (this.next.get() - 1))
				.handle((in, out) -> {
					in.receiveCloseStatus().subscribe((status) -> this.closedWith.compareAndSet(0, status.code()));
					return in.aggregateFrames().receive().asString().doOnNext(this::accept).then();
				})
				.subscribe();
		}

		private void accept(String message) {
			if (!message.startsWith("{\"at\": \"")) {
				if (message.startsWith("{\"type\":\"live\"")) {
					this.live.countDown();
				}
				return;
			}
			long arrived = epochMicros(Instant.now());
			int atEnd = message.indexOf('"', 8);
			long at = epochMicros(OffsetDateTime.parse(message.substring(8, atEnd)).toInstant());
			int seqStart = message.indexOf("\"seq\": ", atEnd) + 7;
			int seqEnd = seqStart;
			while (Character.isDigit(message.charAt(seqEnd))) {
				seqEnd++;
			}
			long seq = Long.parseLong(message.substring(seqStart, seqEnd));
			long expected = this.next.get();
			if (seq == expected) {
				this.next.set(seq + 1);
			}
			else if (seq > expected) {
				this.lost.addAndGet(seq - expected);
				this.outOfOrder.incrementAndGet();
				this.next.set(seq + 1);
			}
			else {
				this.duplicated.incrementAndGet();
			}
			this.latency.recordValue(Math.max(0, arrived - at));
			checkCaughtUp();
		}

		/** Counts this board down, once, when it has the last event of the load. */
		void checkCaughtUp() {
			if (lastSeq() >= this.caughtUpTo.get() && this.counted.compareAndSet(false, true)) {
				this.caughtUp.countDown();
			}
		}

		long lastSeq() {
			return this.next.get() - 1;
		}

		long lost(long last) {
			return this.lost.get() + Math.max(0, last - lastSeq());
		}

		void close() {
			if (this.connection != null) {
				this.connection.dispose();
			}
		}

		private static long epochMicros(Instant instant) {
			return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
		}

	}

}
