package de.quartierdispatch.system;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether bytes are UTF-8 as the standard has it: no overlong forms, no encoded
 * surrogates, nothing cut off. What a request sends as text (its query, a JSON body) must
 * be.
 */
final class StrictUtf8 {

	private StrictUtf8() {
	}

	static boolean decodes(ByteBuffer bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes);
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
