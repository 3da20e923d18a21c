package de.quartierdispatch.system;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/**
 * Closes a connection whose request line and headers have not all arrived within the
 * timeout, counted from the connection's start or from the first byte of a further
 * request on a kept-alive connection. A client sending its headers a byte at a time
 * (slowloris) keeps Netty's idle timeout from firing, as every byte counts as activity;
 * this deadline does not move. Two handlers share the state: one before the HTTP codec
 * sees the first byte, one after it sees the complete headers and the end of the answer.
 * A WebSocket, once upgraded, is left alone (it has heartbeats of its own).
 * <p>
 * A request the codec could not read (a request line over 4 KB, headers over 8 KB, bytes
 * that are no header) is answered here, once the answer before it on the connection is
 * complete, and the connection closed. Left to Reactor Netty, such a request arriving on
 * a kept-alive connection while the previous exchange was still ending was sometimes
 * never answered, and the connection stayed open past every timeout.
 */
final class HeaderReadTimeout extends ChannelDuplexHandler {

	static final String NAME = "quartier.headerReadTimeout";

	static final String FIRST_BYTE_NAME = "quartier.headerReadTimeout.firstByte";

	private final long timeoutMillis;

	private State state = State.AWAITING_HEADERS;

	private @Nullable ScheduledFuture<?> deadline;

	/** A request could not be read: nothing more is read on this connection. */
	private boolean refused;

	/** Its answer, held until the answer on its way is complete. */
	private @Nullable HttpResponseStatus refusal;

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
		if (this.refused) {
			ReferenceCountUtil.release(message);
			return;
		}
		if (message instanceof HttpRequest request && request.decoderResult().isFailure()) {
			HttpResponseStatus status = statusFor(request.decoderResult().cause());
			ReferenceCountUtil.release(message);
			refuse(context, status);
			return;
		}
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
			HttpResponseStatus held = this.refusal;
			if (held != null) {
				this.refusal = null;
				super.write(context, message, promise);
				answerAndClose(context, held);
				return;
			}
		}
		super.write(context, message, promise);
	}

	private void refuse(ChannelHandlerContext context, HttpResponseStatus status) {
		this.refused = true;
		disarm();
		if (this.state == State.IN_EXCHANGE) {
			this.refusal = status;
		}
		else {
			answerAndClose(context, status);
		}
	}

	/**
	 * An empty answer: {@link DecodingFailureProblems}, nearer the wire, gives it its
	 * body.
	 */
	private static void answerAndClose(ChannelHandlerContext context, HttpResponseStatus status) {
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
		response.headers()
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
			.setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
		context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
	}

	/** As Reactor Netty answers them. */
	static HttpResponseStatus statusFor(@Nullable Throwable cause) {
		if (cause instanceof TooLongHttpLineException) {
			return HttpResponseStatus.REQUEST_URI_TOO_LONG;
		}
		if (cause instanceof TooLongHttpHeaderException) {
			return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
		}
		return HttpResponseStatus.BAD_REQUEST;
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
