package de.quartierdispatch.board;

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

	private final Sinks.Many<BoardMessage> buffer;

	private final Disposable subscription;

	LiveBuffer(BoardFeed feed, int capacity, Sinks.One<CloseStatus> closeWith, CloseStatus tooSlow) {
		this.buffer = Sinks.many().unicast().onBackpressureBuffer(Queues.<BoardMessage>get(capacity).get());
		this.subscription = feed.live().subscribe((message) -> {
			if (this.buffer.tryEmitNext(message).isFailure()) {
				closeWith.tryEmitValue(tooSlow);
			}
		});
	}

	/** The buffered and then the live events; one subscriber only. */
	Flux<BoardMessage> events() {
		return this.buffer.asFlux();
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
