package de.quartierdispatch.system;

import java.nio.channels.ClosedChannelException;

import io.netty.handler.timeout.ReadTimeoutException;
import reactor.netty.channel.AbortedException;

/**
 * A client that went away while its request was read (a body shorter than its
 * {@code Content-Length}, then the connection closed), or stopped sending it: not a
 * failure of the server, and not worth an error with its stack trace in the log, which
 * anyone could fill that way.
 */
public final class ClientAborts {

	private ClientAborts() {
	}

	/**
	 * The body stopped arriving (a {@code Content-Length} larger than what was sent) for
	 * longer than the server waits: the client's doing too, answered 408.
	 */
	public static boolean isStalledBody(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ReadTimeoutException) {
				return true;
			}
		}
		return false;
	}

	public static boolean isClientAbort(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof AbortedException || cause instanceof ClosedChannelException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Once an answer has begun, a reset or broken connection is the client's going away
	 * too (before that, it could be a connection the server opened itself).
	 */
	static boolean isClientGoneMidAnswer(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (AbortedException.isConnectionReset(cause)) {
				return true;
			}
		}
		return isClientAbort(failure);
	}

}
