package de.quartierdispatch.board;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * The live stream of events on this instance: one hot sink that the listener publishes
 * into, in sequence order, and every board session subscribes to. Each subscriber buffers
 * for itself (see the WebSocket handler), so a slow board never holds the others back.
 */
@Component
class BoardFeed {

	private final Sinks.Many<BoardMessage> sink = Sinks.many().multicast().directBestEffort();

	private final AtomicLong lastPublished = new AtomicLong(-1);

	private volatile boolean behind;

	Flux<BoardMessage> live() {
		return this.sink.asFlux();
	}

	/** The last sequence number published, or -1 before the listener first caught up. */
	long lastPublished() {
		return this.lastPublished.get();
	}

	/**
	 * Publishes the next event; called by one thread at a time (the listener's chain).
	 */
	void publish(BoardMessage message) {
		this.lastPublished.set(message.seq());
		// Without subscribers the message is simply not delivered: boards replay from the
		// table.
		this.sink.tryEmitNext(message);
	}

	/**
	 * Whether the listener's last read of the table failed (the database is down or
	 * silent): boards are told, rather than shown "live" while nothing new can reach
	 * them.
	 */
	boolean isBehind() {
		return this.behind;
	}

	void readFailed() {
		this.behind = true;
	}

	void caughtUp() {
		this.behind = false;
	}

	/**
	 * Where publishing starts: events up to here are in the table for boards to replay.
	 */
	void startAfter(long seq) {
		this.lastPublished.compareAndSet(-1, seq);
	}

}
