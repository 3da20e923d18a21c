package de.quartierdispatch.board;

import java.time.Duration;

import de.quartierdispatch.routing.RuleBookCache;
import de.quartierdispatch.security.StaffSessions;
import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Each instance listens for new events on one dedicated connection (not taken from the
 * pool) and publishes them to its boards in sequence order. A notification carries only a
 * sequence number; the events themselves are read from the table, so nothing is lost when
 * notifications are: after the connection drops, the listener reconnects and catches up
 * from the last event it published, and a slow poll covers any notification that never
 * arrives.
 *
 * The same connection hears when an account's sessions end, so that its open boards
 * close, and when the routing rules change, so that the cached rule book is read again.
 */
@Component
@ConditionalOnWebApplication
class EventListener implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(EventListener.class);

	private static final String EVENTS_CHANNEL = "board_event";

	/** Events published per read; session buffers must hold at least this many. */
	static final int BATCH = 500;

	private final ConnectionFactory dedicated;

	private final BoardEvents events;

	private final BoardFeed feed;

	private final BoardSessions sessions;

	private final BoardProperties properties;

	private final RuleBookCache ruleBooks;

	private volatile @Nullable Disposable listening;

	private volatile @Nullable PostgresqlConnection connection;

	EventListener(R2dbcProperties r2dbc, BoardEvents events, BoardFeed feed, BoardSessions sessions,
			BoardProperties properties, RuleBookCache ruleBooks) {
		this.dedicated = ConnectionFactories.get(ConnectionFactoryOptions.parse(r2dbc.getUrl())
			.mutate()
			.option(ConnectionFactoryOptions.USER, r2dbc.getUsername())
			.option(ConnectionFactoryOptions.PASSWORD, r2dbc.getPassword())
			.build());
		this.events = events;
		this.feed = feed;
		this.sessions = sessions;
		this.properties = properties;
		this.ruleBooks = ruleBooks;
	}

	@Override
	public void start() {
		this.listening = listen()
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(250))
				.maxBackoff(Duration.ofSeconds(10))
				.doBeforeRetry((retry) -> logger.warn("Event listener lost its connection ({}), reconnecting",
						retry.failure().toString())))
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable current = this.listening;
		if (current != null) {
			current.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		Disposable current = this.listening;
		return current != null && !current.isDisposed();
	}

	/** For tests of recovery: the backend process id of the listening connection. */
	Mono<Integer> listenerBackendPid() {
		PostgresqlConnection current = this.connection;
		if (current == null) {
			return Mono.empty();
		}
		return current.createStatement("SELECT pg_backend_pid() AS pid")
			.execute()
			.flatMap((result) -> result.map((row, meta) -> row.get("pid", Integer.class)))
			.next();
	}

	/**
	 * Listens until the connection fails: LISTEN first, then catch up, so that nothing
	 * committed in between is missed; then every notification (or poll tick) publishes
	 * what is new.
	 */
	private Flux<Void> listen() {
		return Flux.usingWhen(Mono.from(this.dedicated.create()).cast(PostgresqlConnection.class), (connection) -> {
			this.connection = connection;
			Mono<Void> subscribe = connection
				.createStatement("LISTEN " + EVENTS_CHANNEL + "; LISTEN " + StaffSessions.SESSIONS_ENDED_CHANNEL
						+ "; LISTEN " + RuleBookCache.CHANNEL)
				.execute()
				.flatMap((result) -> result.getRowsUpdated())
				// Rule changes while not listening went unnoticed.
				.then(Mono.fromRunnable(this.ruleBooks::invalidate));
			Flux<Object> wakeUps = Flux.merge(connection.getNotifications().map(this::handle),
					Flux.interval(this.properties.pollInterval()).map((tick) -> Boolean.TRUE), Flux.just(Boolean.TRUE));
			return subscribe.thenMany(wakeUps)
				.onBackpressureLatest()
				.concatMap((wakeUp) -> publishNew(), 1)
				.thenMany(Flux.<Void>empty())
				.concatWith(Mono.error(new IllegalStateException("notification stream ended")));
		}, (connection) -> Mono.from(connection.close()));
	}

	private Object handle(Notification notification) {
		if (StaffSessions.SESSIONS_ENDED_CHANNEL.equals(notification.getName())
				&& notification.getParameter() != null) {
			this.sessions.endSessionsOf(Long.parseLong(notification.getParameter()));
		}
		if (RuleBookCache.CHANNEL.equals(notification.getName())) {
			this.ruleBooks.invalidate();
		}
		return Boolean.TRUE;
	}

	/** Publishes every event after the last one published, in order. */
	private Mono<Void> publishNew() {
		if (this.feed.lastPublished() < 0) {
			return this.events.retained().map(BoardEvents.Retained::last).doOnNext(this.feed::startAfter).then();
		}
		return this.events.after(this.feed.lastPublished(), BATCH)
			.doOnNext(this.feed::publish)
			.count()
			.flatMap((count) -> (count == BATCH) ? publishNew() : Mono.empty());
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 100;
	}

}
