package de.quartierdispatch.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.MimeType;

/**
 * JSON bodies are UTF-8 (RFC 8259), checked strictly before Jackson reads them. Jackson
 * refuses most bytes that are not, but reads overlong forms: {@code C0 AF} became "/",
 * which a proxy or filter in front of us would have seen as something else. It also
 * guesses UTF-16 or UTF-32 from zero bytes at the start, and a declared charset other
 * than UTF-8 would be read as such. Such a body is a malformed request (400), like any
 * other that is not JSON: a zero byte is never part of UTF-8 JSON (control characters are
 * escaped).
 */
class Utf8JsonDecoder extends JacksonJsonDecoder {

	Utf8JsonDecoder(JsonMapper mapper) {
		super(mapper);
	}

	@Override
	public Object decode(DataBuffer body, ResolvableType targetType, @Nullable MimeType mimeType,
			@Nullable Map<String, Object> hints) throws DecodingException {
		boolean utf8 = mimeType == null || mimeType.getCharset() == null
				|| StandardCharsets.UTF_8.equals(mimeType.getCharset());
		ByteBuffer bytes = ByteBuffer.allocate(body.readableByteCount());
		body.toByteBuffer(body.readPosition(), bytes, 0, bytes.capacity());
		if (!utf8 || hasZeroByte(bytes) || !StrictUtf8.decodes(bytes)) {
			// The buffer is released here: the decoder that would have is not reached.
			DataBufferUtils.release(body);
			throw new DecodingException("JSON body is not UTF-8");
		}
		return super.decode(body, targetType, mimeType, hints);
	}

	private static boolean hasZeroByte(ByteBuffer bytes) {
		for (int i = bytes.position(); i < bytes.limit(); i++) {
			if (bytes.get(i) == 0) {
				return true;
			}
		}
		return false;
	}

}
