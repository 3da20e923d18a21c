package de.quartierdispatch.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * A copy in memory of data that changes rarely but is read on every request (the routing
 * rules, the report categories), so that reading it is not a statement of its own.
 *
 * <p>
 * A trigger on the data's tables notifies {@code channel} on every change, by the
 * application or by hand in SQL, and every instance drops its copy; the copy is also
 * dropped on each (re)connection of the notification listener, which may have missed
 * notifications, and lives at most {@code maxAge}, so that a lost notification cannot
 * keep an outdated copy alive. Create it while the application starts (in a constructor),
 * as {@link DatabaseNotifications} asks.
 *
 * @param <T> what is kept
 */
public final class CopyUntilNotified<T> {

	private final Supplier<Mono<T>> load;

	private final Duration maxAge;

	private final AtomicReference<Mono<T>> current = new AtomicReference<>();

	/**
	 * Listens for changes at once; reads the data at its first use.
	 * @param notifications the instance's notification listener
	 * @param channel the channel the data's trigger notifies
	 * @param maxAge the longest a copy is kept
	 * @param load reads the data (again)
	 */
	public CopyUntilNotified(DatabaseNotifications notifications, String channel, Duration maxAge,
			Supplier<Mono<T>> load) {
		this.load = load;
		this.maxAge = maxAge;
		notifications.onNotification(channel, (payload) -> invalidate());
		notifications.onConnection((connection) -> invalidate());
	}

	/** The copy, read first when there is none. */
	public Mono<T> get() {
		Mono<T> cached = this.current.get();
		if (cached != null) {
			return cached;
		}
		// Stored before it loads: a change committed while it loads drops it again. A
		// failed load is not kept.
		Mono<T> loading = Mono.defer(this.load)
			.cache((value) -> this.maxAge, (error) -> Duration.ZERO, () -> Duration.ZERO);
		return this.current.compareAndSet(null, loading) ? loading : get();
	}

	/**
	 * Drops the copy: the next read loads it again. The instance that changes the data
	 * calls it once the change is committed, without waiting for its notification.
	 */
	public void invalidate() {
		this.current.set(null);
	}

}
