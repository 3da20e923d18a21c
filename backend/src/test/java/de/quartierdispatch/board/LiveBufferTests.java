package de.quartierdispatch.board;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.socket.CloseStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A board's share of the live feed: held while the board is busy, up to its capacity, and
 * handed on in order.
 */
class LiveBufferTests {

	private static final CloseStatus TOO_SLOW = new CloseStatus(4008, "too slow");

	private final BoardFeed feed = new BoardFeed();

	private final Sinks.One<CloseStatus> closeWith = Sinks.one();

	private final AtomicReference<CloseStatus> closed = new AtomicReference<>();

	private @Nullable LiveBuffer opened;

	LiveBufferTests() {
		this.closeWith.asMono().subscribe(this.closed::set);
	}

	@Test
	void holdsEventsUpToItsCapacityAndHandsThemOnInOrder() {
		LiveBuffer buffer = open(100);
		publish(1, 100);
		assertThat(this.closed.get()).isNull();
		StepVerifier.create(buffer.events().map(BoardMessage::seq).take(100))
			.expectNextSequence(LongStream.rangeClosed(1, 100).boxed().toList())
			.verifyComplete();
	}

	@Test
	void asksABoardThatFallsFurtherBehindToClose() {
		open(100);
		publish(1, 101);
		assertThat(this.closed.get()).isEqualTo(TOO_SLOW);
	}

	@Test
	void countsOnlyWhatIsStillWaiting() {
		LiveBuffer buffer = open(10);
		StepVerifier.create(buffer.events().take(1_000))
			.then(() -> publish(1, 1_000))
			.expectNextCount(1_000)
			.verifyComplete();
		assertThat(this.closed.get()).isNull();
	}

	private void publish(long first, long last) {
		LongStream.rangeClosed(first, last)
			.forEach((seq) -> this.feed.publish(new BoardMessage(seq, null, null, Set.of(), null, Set.of(), null,
					new BoardMessage.Placed("{}", null), null, "{}")));
	}

	private LiveBuffer open(int capacity) {
		this.opened = new LiveBuffer(this.feed, capacity, this.closeWith, TOO_SLOW);
		return this.opened;
	}

	@AfterEach
	void stopListening() {
		if (this.opened != null) {
			this.opened.dispose();
		}
	}

}
