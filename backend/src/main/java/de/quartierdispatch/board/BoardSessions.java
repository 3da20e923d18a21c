package de.quartierdispatch.board;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;

/**
 * The boards open on this instance, by account: to cap how many one account may open, and
 * to close them all when the account's sessions end (sign-out, disabled account).
 */
@Component
public class BoardSessions {

	/** The session ended: sign in again. */
	public static final CloseStatus SIGNED_OUT = new CloseStatus(4001, "signed out");

	/** Too many boards open for this account. */
	public static final CloseStatus TOO_MANY = new CloseStatus(4029, "too many connections");

	private final Map<Long, Set<Sinks.One<CloseStatus>>> byAccount = new ConcurrentHashMap<>();

	BoardSessions(MeterRegistry meters) {
		Gauge
			.builder("quartier.board.connections", this,
					(sessions) -> sessions.byAccount.values().stream().mapToInt(Set::size).sum())
			.description("Open board connections on this instance")
			.register(meters);
	}

	/**
	 * Registers a board; empty when the account already has its maximum open.
	 * @return the signal that closes this board when the account's sessions end
	 */
	Sinks.One<CloseStatus> open(long accountId, int max) {
		Sinks.One<CloseStatus> closer = Sinks.one();
		Set<Sinks.One<CloseStatus>> boards = this.byAccount.computeIfAbsent(accountId,
				(key) -> ConcurrentHashMap.newKeySet());
		synchronized (boards) {
			if (boards.size() >= max) {
				closer.tryEmitValue(TOO_MANY);
				return closer;
			}
			boards.add(closer);
		}
		return closer;
	}

	void closed(long accountId, Sinks.One<CloseStatus> closer) {
		Set<Sinks.One<CloseStatus>> boards = this.byAccount.get(accountId);
		if (boards != null) {
			boards.remove(closer);
		}
	}

	/** Closes every board of an account on this instance. */
	public void endSessionsOf(long accountId) {
		Set<Sinks.One<CloseStatus>> boards = this.byAccount.getOrDefault(accountId, Set.of());
		boards.forEach((closer) -> closer.tryEmitValue(SIGNED_OUT));
	}

}
