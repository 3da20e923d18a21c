package de.quartierdispatch.system;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

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

	/**
	 * Whether the percent-encoded bytes of a query or form body are UTF-8. Spring decodes
	 * what is not (an overlong {@code %C0%AF} for "/", an encoded surrogate, Latin-1's
	 * {@code %DF} for "ß") to replacement characters, which would then be searched for
	 * and stored as if someone had typed them.
	 */
	static boolean percentDecodes(@Nullable String rawQuery) {
		if (rawQuery == null || rawQuery.indexOf('%') < 0) {
			return true;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawQuery.length());
		for (int i = 0; i < rawQuery.length(); i++) {
			char c = rawQuery.charAt(i);
			int high = (c == '%' && i + 2 < rawQuery.length()) ? Character.digit(rawQuery.charAt(i + 1), 16) : -1;
			int low = (high >= 0) ? Character.digit(rawQuery.charAt(i + 2), 16) : -1;
			if (low >= 0) {
				bytes.write(high * 16 + low);
				i += 2;
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		return decodes(ByteBuffer.wrap(bytes.toByteArray()));
	}

}
