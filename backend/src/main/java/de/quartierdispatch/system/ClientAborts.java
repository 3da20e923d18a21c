package de.quartierdispatch.system;

import java.nio.channels.ClosedChannelException;

import reactor.netty.channel.AbortedException;

/**
 * A client that went away while its request was read (a body shorter than its
 * {@code Content-Length}, then the connection closed): not a failure of the server, and
 * not worth an error with its stack trace in the log, which anyone could fill that way.
 */
public final class ClientAborts {

	private ClientAborts() {
	}

	public static boolean isClientAbort(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof AbortedException || cause instanceof ClosedChannelException) {
				return true;
			}
		}
		return false;
	}

}
