package de.quartierdispatch.system;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * fails with 400 naming the first field that is not, as for a query
 * ({@link StorableRequestTextFilter}). A form that names another charset is read in it.
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
					ByteBuffer bytes = ByteBuffer.allocate(body.readableByteCount());
					body.toByteBuffer(body.readPosition(), bytes, 0, bytes.capacity());
					if (isUtf8(bytes)) {
						return Flux.just(body);
					}
					DataBufferUtils.release(body);
					return Flux
						.error(new StorableRequestTextFilter.UnstorableTextException(undecodableField(bytes.array())));
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

	private static boolean isUtf8(ByteBuffer bytes) {
		return StrictUtf8.decodes(bytes.duplicate())
				&& StrictUtf8.percentDecodes(StandardCharsets.UTF_8.decode(bytes.duplicate()).toString());
	}

	/**
	 * The first field whose name or value is not UTF-8, by its name where that is, else
	 * "form": the client is told which field to fix, as for a query.
	 */
	static String undecodableField(byte[] body) {
		int start = 0;
		for (int end = 0; end <= body.length; end++) {
			if (end < body.length && body[end] != '&') {
				continue;
			}
			if (!isUtf8(ByteBuffer.wrap(body, start, end - start))) {
				return nameOf(body, start, end);
			}
			start = end + 1;
		}
		return "form";
	}

	private static String nameOf(byte[] body, int start, int end) {
		int equals = start;
		while (equals < end && body[equals] != '=') {
			equals++;
		}
		ByteBuffer name = ByteBuffer.wrap(body, start, equals - start);
		if (equals == start || !isUtf8(name)) {
			return "form";
		}
		try {
			return URLDecoder.decode(StandardCharsets.UTF_8.decode(name).toString(), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return "form";
		}
	}

}
