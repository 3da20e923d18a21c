package de.quartierdispatch.system;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

/**
 * The HTTP versions a connection may speak. A later HTTP/1 minor version (HTTP/1.2) is
 * read as HTTP/1.1, the highest this server speaks, and answered as one (RFC 9110, 2.5);
 * another major version (HTTP/0.9, HTTP/9.9) is refused with 505 in HTTP/1.1, and the
 * connection closed, before any of it reaches the application. Netty read any version and
 * echoed it in the status line. One per connection: it remembers a refusal until the
 * close.
 */
final class ProtocolVersions extends ChannelInboundHandlerAdapter {

	static final String NAME = "quartier.protocolVersions";

	private final DecodingFailureProblems problems;

	private boolean refused;

	ProtocolVersions(DecodingFailureProblems problems) {
		this.problems = problems;
	}

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
		if (this.refused) {
			// The rest of a refused request, until the connection is closed.
			ReferenceCountUtil.release(message);
			return;
		}
		if (message instanceof HttpRequest request && "HTTP".equals(request.protocolVersion().protocolName())) {
			HttpVersion version = request.protocolVersion();
			if (version.majorVersion() == 1 && version.minorVersion() > 1) {
				request.setProtocolVersion(HttpVersion.HTTP_1_1);
			}
			else if (version.majorVersion() != 1) {
				this.refused = true;
				ReferenceCountUtil.release(message);
				FullHttpResponse refusal = this.problems.problem(HttpVersion.HTTP_1_1,
						HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED, new DefaultHttpHeaders());
				refusal.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
				context.writeAndFlush(refusal).addListener(ChannelFutureListener.CLOSE);
				return;
			}
		}
		super.channelRead(context, message);
	}

}
