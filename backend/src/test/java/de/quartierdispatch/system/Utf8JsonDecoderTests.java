package de.quartierdispatch.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8JsonDecoderTests {

	@Test
	void everyByteThatIsNotUtf8BecomesAnEscapedNulAndTheRestStaysAsItWas() {
		assertThat(marked('"', 'ü', (byte) 0xC0, (byte) 0xAF, 'x', '"')).isEqualTo("\"ü\\u0000\\u0000x\"");
		// An overlong three-byte form is malformed byte by byte too; one cut off at the
		// end as
		// well.
		assertThat(marked('"', (byte) 0xE0, (byte) 0x80, (byte) 0xAF, '"')).isEqualTo("\"\\u0000\\u0000\\u0000\"");
		assertThat(marked('"', 'a', (byte) 0xE2, (byte) 0x82)).isEqualTo("\"a\\u0000\\u0000");
	}

	@Test
	void aByteAfterAnEscapesBackslashCompletesThatEscapeAsANul() {
		assertThat(marked('"', '\\', (byte) 0xFF, '"')).isEqualTo("\"\\u0000\"");
		assertThat(marked('"', '\\', '\\', (byte) 0xFF, '"')).isEqualTo("\"\\\\\\u0000\"");
		assertThat(marked('"', '\\', (byte) 0xFF, (byte) 0xFF, '"')).isEqualTo("\"\\u0000\\u0000\"");
	}

	private static String marked(Object... parts) {
		ByteBuffer bytes = ByteBuffer.allocate(parts.length * 2);
		for (Object part : parts) {
			if (part instanceof Byte b) {
				bytes.put(b);
			}
			else {
				bytes.put(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
			}
		}
		bytes.flip();
		return new String(Utf8JsonDecoder.nulForEveryMalformedByte(ByteBuffer.wrap(copy(bytes))),
				StandardCharsets.UTF_8);
	}

	private static byte[] copy(ByteBuffer bytes) {
		byte[] array = new byte[bytes.remaining()];
		bytes.get(array);
		return array;
	}

}
