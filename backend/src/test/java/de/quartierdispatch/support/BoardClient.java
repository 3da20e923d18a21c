package de.quartierdispatch.support;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * A real WebSocket client of {@code /ws/board}, as a browser's board would be: it signs
 * the handshake with a staff session cookie, keeps every message it receives in order,
 * and lets tests wait (with a timeout) for what they expect.
 */
public final class BoardClient implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

	private final List<Long> seqs = new ArrayList<>();

	private final List<Long> latencies = new ArrayList<>();

	private final Sinks.One<CloseStatus> closed = Sinks.one();

	private final Sinks.Empty<Void> stop = Sinks.empty();

	private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

	private final Disposable connection;

	private BoardClient(URI uri, HttpHeaders headers) {
		this.connection = new ReactorNettyWebSocketClient().execute(uri, headers, (session) -> {
			Mono<Void> receive = session.receive().doOnNext((message) -> {
				JsonNode json = JSON.readTree(message.getPayloadAsText());
				if (isEvent(json)) {
					synchronized (this.seqs) {
						this.seqs.add(json.get("seq").asLong());
						if (json.hasNonNull("at")) {
							this.latencies.add(System.currentTimeMillis()
									- Instant.parse(json.get("at").asString()).toEpochMilli());
						}
					}
				}
				this.received.add(json);
			}).then();
			Mono<Void> closeStatus = session.closeStatus().doOnNext(this.closed::tryEmitValue).then();
			return Mono.firstWithSignal(Mono.when(receive, closeStatus), this.stop.asMono().then(session.close()));
		}).doOnError(this.failure::set).subscribe();
	}

	/**
	 * Connects as the staff member whose session token is given, resuming after
	 * {@code since}.
	 */
	public static BoardClient connect(int port, String sessionToken, long since) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, "QD_SESSION=" + sessionToken);
		return new BoardClient(URI.create("ws://localhost:" + port + "/ws/board?since=" + since), headers);
	}

	public static BoardClient connect(int port, HttpHeaders headers, long since) {
		return new BoardClient(URI.create("ws://localhost:" + port + "/ws/board?since=" + since), headers);
	}

	/** Waits for the next message matching {@code expected}, skipping others. */
	public JsonNode await(Predicate<JsonNode> expected, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			JsonNode next = this.received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
			if (next == null) {
				throw new AssertionError("Nothing expected arrived within " + timeout + " (failure: "
						+ this.failure.get() + ", closed: " + this.closed.asMono().toFuture().getNow(null) + ")");
			}
			if (expected.test(next)) {
				return next;
			}
		}
	}

	public JsonNode awaitEvent(String type, Duration timeout) throws InterruptedException {
		return await((json) -> type.equals(json.path("type").asString()) && json.has("data"), timeout);
	}

	/** The close status the server sent, waiting up to {@code timeout}. */
	public CloseStatus awaitClose(Duration timeout) {
		return this.closed.asMono().block(timeout);
	}

	/** The close status the server sent, if it has closed the connection yet. */
	public @Nullable CloseStatus closeStatusNow() {
		return this.closed.asMono().toFuture().getNow(null);
	}

	/** Sequence numbers of the events received so far, in the order received. */
	public List<Long> seqs() {
		synchronized (this.seqs) {
			return List.copyOf(this.seqs);
		}
	}

	/** For each event received: milliseconds from its commit to its arrival here. */
	public List<Long> latenciesMillis() {
		synchronized (this.seqs) {
			return List.copyOf(this.latencies);
		}
	}

	public long lastSeq() {
		List<Long> all = seqs();
		return all.isEmpty() ? -1 : all.get(all.size() - 1);
	}

	public static boolean isEvent(JsonNode json) {
		return json.has("seq") && json.has("type")
				&& (json.has("data") || json.has("incidentId") || json.has("teamId"));
	}

	@Override
	public void close() {
		this.stop.tryEmitEmpty();
		this.connection.dispose();
	}

}
