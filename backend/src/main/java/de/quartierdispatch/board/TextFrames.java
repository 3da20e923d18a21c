package de.quartierdispatch.board;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * What RFC 6455 asks of a text frame: its payload is UTF-8 (otherwise the connection is
 * closed with 1007).
 */
final class TextFrames {

	private TextFrames() {
	}

	static boolean isUtf8(DataBuffer payload) {
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
