package de.quartierdispatch.system;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a database connection that sent something and has heard nothing back for too
 * long. A database gone silent (a hung proxy, a frozen host, a firewall dropping the
 * replies) leaves the connection open: nothing in the driver or the pool gives up on a
 * statement once it is sent, and the operating system's keep-alive is answered by the
 * proxy or takes hours. Closed, the statement fails at once (the request is answered
 * 503), and the pool opens a new connection, which either works or gives up after its own
 * time limits. An idle connection is never touched: only a wait for an answer counts.
 * <p>
 * Runs on the connection's event loop, where reads and writes of the channel happen, so
 * it needs no locking.
 */
final class SilentDatabaseGuard extends ChannelDuplexHandler {

	private static final Logger logger = LoggerFactory.getLogger(SilentDatabaseGuard.class);

	private final long patienceNanos;

	/**
	 * When the first write since the last answer went out; -1 while nothing is awaited.
	 */
	private long awaitingSince = -1;

	private @Nullable ScheduledFuture<?> check;

	SilentDatabaseGuard(long patienceNanos) {
		this.patienceNanos = patienceNanos;
	}

	@Override
	public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
		if (this.awaitingSince < 0) {
			this.awaitingSince = System.nanoTime();
			if (this.check == null) {
				lookAgainIn(context, this.patienceNanos);
			}
		}
		context.write(message, promise);
	}

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) {
		this.awaitingSince = -1;
		context.fireChannelRead(message);
	}

	@Override
	public void channelInactive(ChannelHandlerContext context) {
		stopLooking();
		context.fireChannelInactive();
	}

	@Override
	public void handlerRemoved(ChannelHandlerContext context) {
		stopLooking();
	}

	private void lookAgainIn(ChannelHandlerContext context, long nanos) {
		this.check = context.executor().schedule(() -> look(context), nanos, TimeUnit.NANOSECONDS);
	}

	private void look(ChannelHandlerContext context) {
		this.check = null;
		if (this.awaitingSince < 0 || !context.channel().isActive()) {
			return;
		}
		long waited = System.nanoTime() - this.awaitingSince;
		if (waited < this.patienceNanos) {
			lookAgainIn(context, this.patienceNanos - waited);
			return;
		}
		logger.warn("The database has not answered for {} s; closing the connection",
				TimeUnit.NANOSECONDS.toSeconds(waited));
		context.close();
	}

	private void stopLooking() {
		if (this.check != null) {
			this.check.cancel(false);
			this.check = null;
		}
	}

}
