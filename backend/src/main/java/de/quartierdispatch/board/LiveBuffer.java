package de.quartierdispatch.board;

import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import org.springframework.web.reactive.socket.CloseStatus;

/**
 * One board's share of the live feed, subscribed as soon as the board connects and held
 * in a bounded buffer while the board's missed events are replayed from the table:
 * nothing published during the replay is lost. When the buffer is full the board is too
 * slow for the feed and is asked to close ({@code tooSlow}); it resumes from its last
 * sequence number.
 */
final class LiveBuffer implements Disposable {

	private static final int LINK_SIZE = 16;

	private final Sinks.Many<BoardMessage> buffer;

	/** Events emitted into the buffer and not yet taken out of it. */
	private final AtomicInteger buffered = new AtomicInteger();

	private final Disposable subscription;

	/**
	 * The queue grows in small links as events wait: a bounded array queue is allocated
	 * at its full capacity, 8 KB for every open board, although a board that keeps up
	 * holds an event or two.
	 */
	LiveBuffer(BoardFeed feed, int capacity, Sinks.One<CloseStatus> closeWith, CloseStatus tooSlow) {
		this.buffer = Sinks.many().unicast().onBackpressureBuffer(Queues.<BoardMessage>unbounded(LINK_SIZE).get());
		this.subscription = feed.live().subscribe((message) -> {
			if (this.buffered.incrementAndGet() > capacity || this.buffer.tryEmitNext(message).isFailure()) {
				closeWith.tryEmitValue(tooSlow);
			}
		});
	}

	/** The buffered and then the live events; one subscriber only. */
	Flux<BoardMessage> events() {
		return this.buffer.asFlux().doOnNext((message) -> this.buffered.decrementAndGet());
	}

	@Override
	public void dispose() {
		this.subscription.dispose();
	}

	@Override
	public boolean isDisposed() {
		return this.subscription.isDisposed();
	}

}
