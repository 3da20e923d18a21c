package de.quartierdispatch.system;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import org.jspecify.annotations.Nullable;

/**
 * Closes a connection whose request line and headers have not all arrived within the
 * timeout, counted from the connection's start or from the first byte of a further
 * request on a kept-alive connection. A client sending its headers a byte at a time
 * (slowloris) keeps Netty's idle timeout from firing, as every byte counts as activity;
 * this deadline does not move. Two handlers share the state: one before the HTTP codec
 * sees the first byte, one after it sees the complete headers and the end of the answer.
 * A WebSocket, once upgraded, is left alone (it has heartbeats of its own).
 */
final class HeaderReadTimeout extends ChannelDuplexHandler {

	static final String NAME = "quartier.headerReadTimeout";

	static final String FIRST_BYTE_NAME = "quartier.headerReadTimeout.firstByte";

	private final long timeoutMillis;

	private State state = State.AWAITING_HEADERS;

	private @Nullable ScheduledFuture<?> deadline;

	HeaderReadTimeout(Duration timeout) {
		this.timeoutMillis = timeout.toMillis();
	}

	/** The handler to put before the codec: notices a further request's first byte. */
	ChannelInboundHandlerAdapter firstByte() {
		return new ChannelInboundHandlerAdapter() {

			@Override
			public void channelRead(ChannelHandlerContext context, Object message) {
				if (HeaderReadTimeout.this.state == State.IDLE && message instanceof ByteBuf bytes
						&& bytes.isReadable()) {
					HeaderReadTimeout.this.state = State.AWAITING_HEADERS;
					arm(context);
				}
				context.fireChannelRead(message);
			}

		};
	}

	@Override
	public void handlerAdded(ChannelHandlerContext context) {
		arm(context);
	}

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
		if (message instanceof HttpRequest && this.state == State.AWAITING_HEADERS) {
			this.state = State.IN_EXCHANGE;
			disarm();
		}
		super.channelRead(context, message);
	}

	@Override
	public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
		if (message instanceof HttpResponse response
				&& HttpResponseStatus.SWITCHING_PROTOCOLS.equals(response.status())) {
			this.state = State.UPGRADED;
			disarm();
		}
		else if (message instanceof LastHttpContent && this.state == State.IN_EXCHANGE) {
			this.state = State.IDLE;
		}
		super.write(context, message, promise);
	}

	@Override
	public void channelInactive(ChannelHandlerContext context) throws Exception {
		disarm();
		super.channelInactive(context);
	}

	private void arm(ChannelHandlerContext context) {
		disarm();
		this.deadline = context.executor().schedule(() -> {
			if (this.state == State.AWAITING_HEADERS) {
				context.channel().close();
			}
		}, this.timeoutMillis, TimeUnit.MILLISECONDS);
	}

	private void disarm() {
		if (this.deadline != null) {
			this.deadline.cancel(false);
			this.deadline = null;
		}
	}

	private enum State {

		AWAITING_HEADERS, IN_EXCHANGE, IDLE, UPGRADED

	}

}
