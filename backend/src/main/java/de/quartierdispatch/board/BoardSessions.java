package de.quartierdispatch.board;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.quartierdispatch.security.StaffSessions;
import de.quartierdispatch.system.DatabaseNotifications;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * The boards open on this instance, by account: to cap how many one account may open, to
 * close them all when the account's sessions end (sign-out, disabled account), and to
 * close every board when the instance stops.
 *
 * <p>
 * The end of a session is announced by a notification, which is lost while the
 * notification connection is down: after every (re)connection, each open board's session
 * is checked again.
 */
@Component
class BoardSessions {

	/** The session ended: sign in again. */
	public static final CloseStatus SIGNED_OUT = new CloseStatus(4001, "signed out");

	/** Too many boards open for this account. */
	public static final CloseStatus TOO_MANY = new CloseStatus(4029, "too many connections");

	/** The instance is stopping: continue on another one. */
	public static final CloseStatus GOING_AWAY = CloseStatus.GOING_AWAY.withReason("instance stopping");

	private final Map<Long, Set<Board>> byAccount = new ConcurrentHashMap<>();

	private final StaffSessions staffSessions;

	private volatile boolean stopping;

	BoardSessions(MeterRegistry meters, DatabaseNotifications notifications, StaffSessions staffSessions) {
		this.staffSessions = staffSessions;
		// Any instance may end an account's sessions: every instance closes its boards.
		notifications.onNotification(StaffSessions.SESSIONS_ENDED_CHANNEL,
				(account) -> endSessionsOf(Long.parseLong(account)));
		notifications.afterEachConnection((connection) -> closeEndedSessions());
		Gauge
			.builder("quartier.board.connections", this,
					(sessions) -> sessions.byAccount.values().stream().mapToInt(Set::size).sum())
			.description("Open board connections on this instance")
			.register(meters);
	}

	/**
	 * Registers a board; closed at once when the account already has its maximum open or
	 * the instance is stopping.
	 * @param token the session the board was opened with, if any
	 * @return the signal that closes this board when the account's sessions end
	 */
	Sinks.One<CloseStatus> open(long accountId, @Nullable String token, int max) {
		Sinks.One<CloseStatus> closer = Sinks.one();
		Set<Board> boards = this.byAccount.computeIfAbsent(accountId, (key) -> ConcurrentHashMap.newKeySet());
		synchronized (boards) {
			if (boards.size() >= max) {
				closer.tryEmitValue(TOO_MANY);
				return closer;
			}
			boards.add(new Board(closer, token));
		}
		if (this.stopping) {
			closer.tryEmitValue(GOING_AWAY);
		}
		return closer;
	}

	void closed(long accountId, Sinks.One<CloseStatus> closer) {
		Set<Board> boards = this.byAccount.get(accountId);
		if (boards != null) {
			boards.removeIf((board) -> board.closer() == closer);
		}
	}

	/** Closes every board of an account on this instance. */
	void endSessionsOf(long accountId) {
		Set<Board> boards = this.byAccount.getOrDefault(accountId, Set.of());
		boards.forEach((board) -> board.closer().tryEmitValue(SIGNED_OUT));
	}

	/** Closes the boards whose sessions have ended (checked one by one). */
	Mono<Void> closeEndedSessions() {
		return Flux.fromIterable(this.byAccount.values())
			.flatMapIterable((boards) -> List.copyOf(boards))
			.concatMap((board) -> ended(board).filter(Boolean::booleanValue)
				.doOnNext((ended) -> board.closer().tryEmitValue(SIGNED_OUT)))
			.then();
	}

	private Mono<Boolean> ended(Board board) {
		String token = board.token();
		return (token != null) ? this.staffSessions.isLive(token).map((live) -> !live) : Mono.just(true);
	}

	/** Closes every board on this instance, and each one opened from now on. */
	void closeAllGoingAway() {
		this.stopping = true;
		this.byAccount.values().forEach((boards) -> boards.forEach((board) -> board.closer().tryEmitValue(GOING_AWAY)));
	}

	/** The instance runs (again: a stopped context may be started once more). */
	void acceptBoards() {
		this.stopping = false;
	}

	/** An open board: what closes it, and the session it was opened with. */
	private record Board(Sinks.One<CloseStatus> closer, @Nullable String token) {
	}

}
