package de.quartierdispatch.system;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.FormHttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;

/**
 * A form body (an Open311 client's request, say) read as UTF-8, the default, must be
 * UTF-8 before and after percent-decoding, as a query must ({@link StrictUtf8}): Spring
 * turns what is not into replacement characters, and a client sending Latin-1
 * ({@code Stra%DFe}) would have "Stra�e" stored without being told. Reading such a body
 * fails as a malformed one does (400, {@link UnreadableBodies}). A form that names
 * another charset is read in it.
 * <p>
 * Checked on the request before the exchange is made: the exchange reads forms with the
 * last of the configured readers that can, the framework's own, so a stricter reader
 * cannot take its place.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class Utf8FormBodies {

	@Bean
	WebHttpHandlerBuilderCustomizer strictlyUtf8Forms(ServerCodecConfigurer codecs) {
		int limit = codecs.getReaders()
			.stream()
			.filter(FormHttpMessageReader.class::isInstance)
			.map((reader) -> ((FormHttpMessageReader) reader).getMaxInMemorySize())
			.reduce((first, last) -> last)
			.orElse(256 * 1024);
		return (builder) -> builder.httpHandlerDecorator(
				(handler) -> (request, response) -> handler.handle(checked(request, limit), response));
	}

	/**
	 * The request, with a body that fails to be read when it is a form that is not UTF-8.
	 */
	static ServerHttpRequest checked(ServerHttpRequest request, int limit) {
		Charset charset = formCharset(request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
		if (!StandardCharsets.UTF_8.equals(charset)) {
			return request;
		}
		return new ServerHttpRequestDecorator(request) {

			@Override
			public Flux<DataBuffer> getBody() {
				return DataBufferUtils.join(super.getBody(), limit).flatMapMany((body) -> {
					if (isUtf8(body)) {
						return Flux.just(body);
					}
					DataBufferUtils.release(body);
					return Flux.error(new DecodingException("Form body is not UTF-8"));
				});
			}

		};
	}

	/**
	 * The charset a form body is read in, or null when it is no form, or its type or
	 * charset cannot be read (the framework refuses those itself, later, as it always
	 * has).
	 */
	private static @Nullable Charset formCharset(@Nullable String contentType) {
		try {
			MediaType type = (contentType != null) ? MediaType.parseMediaType(contentType) : null;
			if (type == null || !type.isConcrete() || !type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)) {
				return null;
			}
			return (type.getCharset() != null) ? type.getCharset() : StandardCharsets.UTF_8;
		}
		catch (IllegalArgumentException unreadable) {
			return null;
		}
	}

	private static boolean isUtf8(DataBuffer body) {
		ByteBuffer bytes = ByteBuffer.allocate(body.readableByteCount());
		body.toByteBuffer(body.readPosition(), bytes, 0, bytes.capacity());
		return StrictUtf8.decodes(bytes.duplicate())
				&& StrictUtf8.percentDecodes(StandardCharsets.UTF_8.decode(bytes).toString());
	}

}
