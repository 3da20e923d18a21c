package de.quartierdispatch.board;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * When the instance stops (SIGTERM), its boards are closed at once with 1001 so that they
 * reconnect to another instance: first thing, before the listener stops and before the
 * web server's graceful shutdown waits for open connections (which boards would hold
 * open).
 */
@Component
@ConditionalOnWebApplication
class BoardShutdown implements SmartLifecycle {

	private final BoardSessions sessions;

	private volatile boolean running;

	BoardShutdown(BoardSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public void start() {
		// A stopped context can be started again (Spring's test context cache pauses the
		// contexts it does not use): boards are welcome again.
		this.sessions.acceptBoards();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.sessions.closeAllGoingAway();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** The last to start, the first to stop. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

}
