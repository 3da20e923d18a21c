package de.quartierdispatch.board;

import java.time.Duration;

import de.quartierdispatch.system.BriefFailure;
import de.quartierdispatch.system.DatabaseNotifications;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Each instance publishes new events to its boards in sequence order. A notification on
 * {@code board_event} (through {@link DatabaseNotifications}) carries only a sequence
 * number; the events themselves are read from the table, so nothing is lost when
 * notifications are: after the notification connection is re-established, and on a slow
 * poll that does not depend on that connection, the listener catches up from the last
 * event it published.
 */
@Component
@ConditionalOnWebApplication
class EventListener implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(EventListener.class);

	private static final String EVENTS_CHANNEL = "board_event";

	/** Events published per read; session buffers must hold at least this many. */
	static final int BATCH = 500;

	/** A connection the pool handed out before the database went away fails once. */
	private static final Retry QUICK_RETRIES = Retry.backoff(3, Duration.ofMillis(100))
		.maxBackoff(Duration.ofMillis(500));

	private final BoardEvents events;

	private final BoardFeed feed;

	private final Flux<Boolean> wakeUps;

	private volatile @Nullable Disposable listening;

	EventListener(DatabaseNotifications notifications, BoardEvents events, BoardFeed feed, BoardProperties properties) {
		this.events = events;
		this.feed = feed;
		// New events, a (re)connection that may have missed some, a poll that works
		// without the notification connection, and once at start.
		this.wakeUps = Flux.merge(notifications.listen(EVENTS_CHANNEL).map((seq) -> Boolean.TRUE),
				notifications.connections().map((connection) -> Boolean.TRUE),
				Flux.interval(properties.pollInterval()).map((tick) -> Boolean.TRUE), Flux.just(Boolean.TRUE));
	}

	@Override
	public void start() {
		// A failed read waits for the next wake-up (a poll, the notification connection
		// back) after a few quick retries, rather than ending the subscription: a growing
		// back-off would leave the boards behind for seconds after the database is back.
		this.listening = this.wakeUps.onBackpressureLatest()
			// Deferred: a retry reads from the last event published by then.
			.concatMap((wakeUp) -> Mono.defer(this::publishNew)
				.retryWhen(QUICK_RETRIES)
				.doOnSuccess((done) -> this.feed.caughtUp())
				.onErrorResume((failure) -> {
					this.feed.readFailed();
					logger.warn("Publishing board events failed ({}), trying again at the next wake-up",
							BriefFailure.of(lastTry(failure)));
					return Mono.empty();
				}), 1)
			// Only the wake-ups' own sources fail here; they are subscribed again.
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(250))
				.maxBackoff(Duration.ofSeconds(10))
				.transientErrors(true)
				.doBeforeRetry((retry) -> logger.warn("Listening for board events failed ({}), retrying",
						BriefFailure.of(retry.failure()))))
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

	private static Throwable lastTry(Throwable failure) {
		Throwable cause = failure.getCause();
		return (Exceptions.isRetryExhausted(failure) && cause != null) ? cause : failure;
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
