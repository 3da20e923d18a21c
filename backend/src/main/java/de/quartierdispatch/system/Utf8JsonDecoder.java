package de.quartierdispatch.system;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
 * than UTF-8 would be read as such: that is a type we do not take (415). A body with
 * bytes that are not UTF-8 is a malformed request (400), like any other that is not JSON:
 * a zero byte is never part of UTF-8 JSON (control characters are escaped). Bytes that
 * are not UTF-8 inside a string are refused naming its field.
 */
class Utf8JsonDecoder extends JacksonJsonDecoder {

	private static final byte[] ESCAPED_NUL = "\\u0000".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] UNICODE_NUL = "u0000".getBytes(StandardCharsets.US_ASCII);

	Utf8JsonDecoder(JsonMapper mapper) {
		super(mapper);
	}

	/**
	 * JSON declared in another charset is a type we do not take (415), as is any type but
	 * JSON: said before the body is read.
	 */
	@Override
	public boolean canDecode(ResolvableType elementType, @Nullable MimeType mimeType) {
		return super.canDecode(elementType, mimeType) && utf8(mimeType);
	}

	private static boolean utf8(@Nullable MimeType mimeType) {
		return mimeType == null || mimeType.getCharset() == null
				|| StandardCharsets.UTF_8.equals(mimeType.getCharset());
	}

	@Override
	public Object decode(DataBuffer body, ResolvableType targetType, @Nullable MimeType mimeType,
			@Nullable Map<String, Object> hints) throws DecodingException {
		ByteBuffer bytes = ByteBuffer.allocate(body.readableByteCount());
		body.toByteBuffer(body.readPosition(), bytes, 0, bytes.capacity());
		if (!utf8(mimeType) || hasZeroByte(bytes)) {
			// The buffer is released here: the decoder that would have is not reached.
			DataBufferUtils.release(body);
			throw new DecodingException("JSON body is not UTF-8");
		}
		if (!StrictUtf8.decodes(bytes.duplicate())) {
			// Read on with each byte that is not UTF-8 written as an escaped NUL: text
			// that cannot be stored, which the reader of every string refuses by the
			// field's name (StorableTextModule). Outside a string it breaks the JSON, as
			// the byte did.
			DataBuffer marked = body.factory().wrap(nulForEveryMalformedByte(bytes));
			DataBufferUtils.release(body);
			return super.decode(marked, targetType, mimeType, hints);
		}
		return super.decode(body, targetType, mimeType, hints);
	}

	static byte[] nulForEveryMalformedByte(ByteBuffer bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer input = bytes.duplicate();
		CharBuffer chars = CharBuffer.allocate(input.remaining());
		ByteArrayOutputStream marked = new ByteArrayOutputStream(input.remaining() + 16);
		while (true) {
			int start = input.position();
			CoderResult result = decoder.decode(input, chars, true);
			marked.write(bytes.array(), bytes.arrayOffset() + start, input.position() - start);
			if (!result.isError()) {
				return marked.toByteArray();
			}
			// After an odd number of backslashes, one is the escape's own already; a byte
			// written for another before it ends in "0", which ends the run.
			boolean escapeOpen = afterOddBackslashes(bytes, input.position());
			marked.writeBytes(escapeOpen ? UNICODE_NUL : ESCAPED_NUL);
			for (int i = 1; i < result.length(); i++) {
				marked.writeBytes(ESCAPED_NUL);
			}
			input.position(input.position() + result.length());
		}
	}

	private static boolean afterOddBackslashes(ByteBuffer bytes, int position) {
		int backslashes = 0;
		for (int i = position - 1; i >= bytes.position() && bytes.get(i) == '\\'; i--) {
			backslashes++;
		}
		return backslashes % 2 == 1;
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
