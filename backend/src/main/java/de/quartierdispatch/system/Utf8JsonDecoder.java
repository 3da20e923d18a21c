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
 * which a proxy or filter in front of us would have seen as something else. Such a body
 * is a malformed request (400), like any other that is not JSON.
 */
class Utf8JsonDecoder extends JacksonJsonDecoder {

	Utf8JsonDecoder(JsonMapper mapper) {
		super(mapper);
	}

	@Override
	public Object decode(DataBuffer body, ResolvableType targetType, @Nullable MimeType mimeType,
			@Nullable Map<String, Object> hints) throws DecodingException {
		if (mimeType == null || mimeType.getCharset() == null || StandardCharsets.UTF_8.equals(mimeType.getCharset())) {
			ByteBuffer bytes = ByteBuffer.allocate(body.readableByteCount());
			body.toByteBuffer(body.readPosition(), bytes, 0, bytes.capacity());
			if (!StrictUtf8.decodes(bytes)) {
				// The buffer is released here: the decoder that would have is not
				// reached.
				DataBufferUtils.release(body);
				throw new DecodingException("JSON body is not UTF-8");
			}
		}
		return super.decode(body, targetType, mimeType, hints);
	}

}
