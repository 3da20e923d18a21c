package de.quartierdispatch.board;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;

/**
 * What RFC 6455 asks of a client's frames: a text frame's payload is UTF-8 (otherwise the
 * connection is closed with 1007), and no frame sets the reserved bits, which only a
 * negotiated extension may give a meaning (otherwise 1002). Netty's decoder lets them
 * through: Reactor Netty allows extensions for compression, which this server does not
 * negotiate.
 */
final class ClientFrames {

	private ClientFrames() {
	}

	/**
	 * How to close the connection for a frame the protocol forbids; none for a good one.
	 */
	static @Nullable CloseStatus refusal(WebSocketMessage message) {
		if (message.getNativeMessage() instanceof WebSocketFrame frame && frame.rsv() != 0) {
			return CloseStatus.PROTOCOL_ERROR;
		}
		if (message.getType() == WebSocketMessage.Type.TEXT && !isUtf8(message.getPayload())) {
			return CloseStatus.BAD_DATA;
		}
		return null;
	}

	private static boolean isUtf8(DataBuffer payload) {
		byte[] bytes = new byte[payload.readableByteCount()];
		payload.read(bytes);
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
