package de.quartierdispatch.system;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;

/**
 * A request in a later HTTP/1 minor version (HTTP/1.2) is read as HTTP/1.1, the highest
 * this server speaks, and answered as one (RFC 9110, 2.5); Netty kept the version and
 * echoed it in the status line. Another major version is refused with 505 by
 * {@link MessageFramingFilter}.
 */
@Sharable
final class ProtocolVersions extends ChannelInboundHandlerAdapter {

	static final String NAME = "quartier.protocolVersions";

	static final ProtocolVersions INSTANCE = new ProtocolVersions();

	private ProtocolVersions() {
	}

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
		if (message instanceof HttpRequest request) {
			HttpVersion version = request.protocolVersion();
			if ("HTTP".equals(version.protocolName()) && version.majorVersion() == 1 && version.minorVersion() > 1) {
				request.setProtocolVersion(HttpVersion.HTTP_1_1);
			}
		}
		super.channelRead(context, message);
	}

}
