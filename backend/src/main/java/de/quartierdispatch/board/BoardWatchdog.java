package de.quartierdispatch.board;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import de.quartierdispatch.security.StaffSessions;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * Why an open board should be closed: it stopped answering pings, or the sign-in it was
 * opened with ended (checked now and then, in case the notification of the end was
 * missed).
 */
@Component
class BoardWatchdog {

	/** The board did not answer within the configured time. */
	static final CloseStatus NO_ANSWER = new CloseStatus(4002, "no answer");

	private final StaffSessions staffSessions;

	private final BoardProperties properties;

	private final Clock clock;

	BoardWatchdog(StaffSessions staffSessions, BoardProperties properties, Clock clock) {
		this.staffSessions = staffSessions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The reasons to close a board, as they arise, while it is watched (the stream does
	 * not end by itself).
	 * @param lastAnswer when the board last sent anything (by the application clock)
	 * @param token the session the board was opened with, if any
	 */
	Flux<CloseStatus> reasonsToClose(AtomicLong lastAnswer, @Nullable String token) {
		long deadAfter = this.properties.deadAfter().toMillis();
		Flux<CloseStatus> silent = Flux.interval(this.properties.heartbeat())
			.onBackpressureDrop()
			.filter((tick) -> this.clock.millis() - lastAnswer.get() > deadAfter)
			.map((tick) -> NO_ANSWER);
		// A check that fails (the database away at that tick) decides nothing, and the
		// next
		// tick asks again; one failure ended both checks for good. A tick during a slow
		// check is dropped, not an overflow error.
		Flux<CloseStatus> signedOut = Flux.interval(this.properties.sessionCheck())
			.onBackpressureDrop()
			.concatMap((tick) -> ((token != null) ? this.staffSessions.isLive(token) : Mono.just(false))
				.onErrorResume((failure) -> Mono.empty()), 1)
			.filter((live) -> !live)
			.map((ended) -> BoardSessions.SIGNED_OUT);
		return Flux.merge(silent, signedOut);
	}

}
