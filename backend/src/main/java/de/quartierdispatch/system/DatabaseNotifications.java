package de.quartierdispatch.system;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's LISTEN/NOTIFY for every module, on ONE dedicated connection (not taken
 * from the pool) that listens on all channels asked for.
 *
 * <p>
 * Notifications are hints, not messages: while the connection is down they are lost. The
 * service reconnects with a backoff (250 ms doubling up to 1 s, back to 250 ms after a
 * successful reconnect, so that it listens again within about a second of PostgreSQL
 * being reachable however often it was lost) and announces each (re)connection on
 * {@link #connections()}, so that subscribers re-check what they might have missed.
 *
 * <p>
 * Channels are best asked for while the application starts (in a constructor): the
 * connection then listens on all of them with its first statement.
 */
@Component
public class DatabaseNotifications implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseNotifications.class);

	/** The longest wait between two attempts to reconnect. */
	static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

	private final ConnectionFactory dedicated;

	private final Set<String> channels = new ConcurrentSkipListSet<>();

	private final Sinks.Many<Notification> notifications = Sinks.many().multicast().directBestEffort();

	private final Sinks.Many<Long> connections = Sinks.many().replay().latest();

	/** Channels asked for after the connection was made: LISTENed to on it at once. */
	private final Sinks.Many<String> lateChannels = Sinks.many().multicast().directBestEffort();

	/**
	 * The reactions registered with {@link #onNotification}, subscribed by this service.
	 */
	private final Sinks.Many<Flux<String>> handlers = Sinks.many().replay().all();

	private final List<Consumer<Long>> reconnectHandlers = new CopyOnWriteArrayList<>();

	private final AtomicLong connectionCount = new AtomicLong();

	private volatile @Nullable Disposable listening;

	private final Counter lost;

	DatabaseNotifications(R2dbcProperties r2dbc, MeterRegistry meters) {
		this.lost = Counter.builder("quartier.notifications.connection.lost")
			.description("Times the notification connection was lost or could not be made")
			.register(meters);
		this.dedicated = ConnectionFactories.get(ConnectionFactoryOptions.parse(r2dbc.getUrl())
			.mutate()
			.option(ConnectionFactoryOptions.USER, r2dbc.getUsername())
			.option(ConnectionFactoryOptions.PASSWORD, r2dbc.getPassword())
			.build());
	}

	/**
	 * The payloads of the notifications on {@code channel} (empty strings for
	 * notifications without one), from now on, while the application runs.
	 * @param channel a channel name (lower case letters and underscores)
	 * @return a hot stream of payloads
	 */
	public Flux<String> listen(String channel) {
		if (!channel.matches("[a-z_]+")) {
			throw new IllegalArgumentException("Not a channel name: " + channel);
		}
		if (this.channels.add(channel)) {
			this.lateChannels.tryEmitNext(channel);
		}
		return this.notifications.asFlux()
			.filter((notification) -> channel.equals(notification.getName()))
			.map((notification) -> {
				String payload = notification.getParameter();
				return (payload != null) ? payload : "";
			});
	}

	/**
	 * Calls {@code handler} with each payload on {@code channel}; for subscribers that
	 * only react (the service holds the subscription).
	 * @param channel a channel name
	 * @param handler what to do with a payload; must not block
	 */
	public void onNotification(String channel, Consumer<String> handler) {
		this.handlers.tryEmitNext(listen(channel).doOnNext(handler));
	}

	/**
	 * Calls {@code handler} each time the connection is (re)established and listening:
	 * notifications may have been missed before.
	 * @param handler what to re-check; must not block
	 */
	public void onConnection(Consumer<Long> handler) {
		this.reconnectHandlers.add(handler);
	}

	/**
	 * Runs {@code recheck} after each (re)connection, once the connection listens: for
	 * subscribers whose re-check reads the database (the service holds the subscription;
	 * a failed re-check is logged and the next connection tries again).
	 * @param recheck what to re-check, given the connection's number
	 */
	public void afterEachConnection(Function<Long, Mono<Void>> recheck) {
		this.handlers
			.tryEmitNext(connections().concatMap((connection) -> recheck.apply(connection).onErrorResume((failure) -> {
				logger.warn("Re-check after connection {} failed: {}", connection, failure.toString());
				return Mono.empty();
			}).then(Mono.<String>empty())));
	}

	/**
	 * The number of each (re)connection, once the connection listens on every channel
	 * asked for: the latest one at once, then each new one.
	 * @return a hot stream of connection numbers, starting at 1
	 */
	public Flux<Long> connections() {
		return this.connections.asFlux();
	}

	@Override
	public void start() {
		Flux<Object> handled = Flux.merge(this.handlers.asFlux().flatMap((flux) -> flux),
				connectAndListen().retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(250))
					.maxBackoff(MAX_BACKOFF)
					.transientErrors(true)
					.doBeforeRetry((retry) -> {
						this.lost.increment();
						logger.warn("Notification listener lost its connection ({}), reconnecting",
								retry.failure().toString());
					})));
		this.listening = handled.subscribe();
	}

	/**
	 * One connection's life: LISTEN on every channel, announce the connection, then pass
	 * notifications on until the connection fails (an error, so that it is retried).
	 */
	private Flux<Object> connectAndListen() {
		return Flux.usingWhen(Mono.from(this.dedicated.create()).cast(PostgresqlConnection.class), (connection) -> {
			String listen = this.channels.stream()
				.map((channel) -> "LISTEN " + channel)
				.collect(Collectors.joining("; "));
			Flux<Object> announced = execute(connection, listen).then(Mono.<Object>fromCallable(this::connected))
				.flux();
			Flux<Object> passedOn = connection.getNotifications()
				.doOnNext(this.notifications::tryEmitNext)
				.map(Object.class::cast);
			Flux<Object> late = this.lateChannels.asFlux()
				.concatMap((channel) -> execute(connection, "LISTEN " + channel))
				.map(Object.class::cast);
			return announced.concatWith(Flux.merge(passedOn, late))
				.concatWith(Mono.error(new IllegalStateException("notification stream ended")));
		}, (connection) -> Mono.from(connection.close()));
	}

	private Long connected() {
		long number = this.connectionCount.incrementAndGet();
		this.reconnectHandlers.forEach((handler) -> handler.accept(number));
		this.connections.tryEmitNext(number);
		return number;
	}

	private static Mono<Void> execute(PostgresqlConnection connection, String sql) {
		if (sql.isEmpty()) {
			return Mono.empty();
		}
		return connection.createStatement(sql).execute().flatMap((result) -> result.getRowsUpdated()).then();
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

	/** Before the board's listener, which follows {@link #connections()}. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 200;
	}

}
