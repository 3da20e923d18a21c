package de.quartierdispatch.system;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket client that breaks the protocol (an unmasked frame, a reserved opcode, a
 * frame over the size limit) gets Netty's close frame (1002 or 1009) and loses the
 * connection. The exception that follows is the client's doing, not the server's: one
 * line at INFO here, where reactor-netty would log an uncaught error with its stack
 * trace, and a client could fill the log with them. Sits after the HTTP codec, where the
 * WebSocket decoder takes its place on the upgrade.
 */
@Sharable
final class MalformedWebSocketFrames extends ChannelInboundHandlerAdapter {

	static final String NAME = "quartier.malformedWebSocketFrames";

	static final MalformedWebSocketFrames INSTANCE = new MalformedWebSocketFrames();

	private static final Logger logger = LoggerFactory.getLogger(MalformedWebSocketFrames.class);

	private MalformedWebSocketFrames() {
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
		if (cause instanceof CorruptedWebSocketFrameException corrupted) {
			logger.info("Closed a WebSocket connection whose client broke the protocol: {}", corrupted.getMessage());
			context.close();
			return;
		}
		context.fireExceptionCaught(cause);
	}

}
