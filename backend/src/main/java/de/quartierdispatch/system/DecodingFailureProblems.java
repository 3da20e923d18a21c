package de.quartierdispatch.system;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;

/**
 * Gives a body to the answers Netty sends itself, before the application sees a request
 * it cannot even parse: a request line over 4 KB (414), headers over 8 KB (431), a body
 * chunk it cannot decode or malformed header bytes (400). Reactor Netty answers those
 * with an empty body; this handler, placed right after the HTTP codec, replaces it with
 * problem details. The headers were not read, so the language is the default one.
 */
@Sharable
final class DecodingFailureProblems extends ChannelOutboundHandlerAdapter {

	static final String NAME = "quartier.decodingFailureProblems";

	private static final int[] STATUSES = { 400, 413, 414, 431, 505 };

	private final Map<Integer, byte[]> bodies = new LinkedHashMap<>();

	DecodingFailureProblems(MessageSource messages, JsonMapper json) {
		Locale locale = Language.DEFAULT.locale();
		for (int status : STATUSES) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", "about:blank");
			body.put("title", messages.getMessage("problem.status." + status, null, "Bad request", locale));
			body.put("status", status);
			body.put("detail", messages.getMessage("problem.unreadable-request.detail", null, "", locale));
			this.bodies.put(status, json.writeValueAsBytes(body));
		}
	}

	@Override
	public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
		if (message instanceof FullHttpResponse response && !response.content().isReadable()
				&& !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)
				&& this.bodies.containsKey(response.status().code())) {
			FullHttpResponse problem = problem(response.protocolVersion(), response.status(), response.headers());
			response.release();
			super.write(context, problem, promise);
			return;
		}
		super.write(context, message, promise);
	}

	/**
	 * An answer with problem details for a status of {@link #STATUSES}, with the given
	 * headers (those of the answer it replaces) under its own.
	 */
	FullHttpResponse problem(HttpVersion version, HttpResponseStatus status, HttpHeaders headers) {
		byte[] body = this.bodies.get(status.code());
		FullHttpResponse problem = new DefaultFullHttpResponse(version, status, Unpooled.wrappedBuffer(body));
		problem.headers().set(headers);
		problem.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
		problem.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
		problem.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
		// No filter sees this answer, so it carries the browser's guards itself; a
		// problem document needs nothing loaded or framed.
		problem.headers().set(HttpHeaderNames.CONTENT_SECURITY_POLICY, "default-src 'none'; frame-ancestors 'none'");
		problem.headers().set("X-Content-Type-Options", "nosniff");
		problem.headers().set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY");
		problem.headers().set("Referrer-Policy", "no-referrer");
		return problem;
	}

}
