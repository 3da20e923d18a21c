package de.quartierdispatch.system;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.accept.HeaderContentTypeResolver;
import org.springframework.web.reactive.accept.RequestedContentTypeResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * The types a client accepts, less those no success of ours is: a problem (which the
 * client gets whenever something fails, whatever it asked for), streams of events or
 * lines, and any it refused with q=0. Asked for as the only type, Spring would label a
 * JSON answer with it; now an operation that cannot answer otherwise is 406.
 */
final class AnswerTypes implements RequestedContentTypeResolver {

	private static final List<MediaType> NEVER_A_SUCCESS = List.of(MediaType.APPLICATION_PROBLEM_JSON,
			MediaType.APPLICATION_PROBLEM_XML, MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_NDJSON);

	/** What is left when a client accepts nothing else: no answer has this type. */
	private static final MediaType NOTHING_WE_ANSWER = new MediaType("application", "x-nothing-answered");

	private final RequestedContentTypeResolver header = new HeaderContentTypeResolver();

	@Override
	public List<MediaType> resolveMediaTypes(ServerWebExchange exchange) {
		List<MediaType> asked = this.header.resolveMediaTypes(exchange);
		List<MediaType> answerable = asked.stream()
			// q=0 is "not acceptable" (RFC 9110, 12.4.2).
			.filter((type) -> type.getQualityValue() > 0)
			.filter((type) -> NEVER_A_SUCCESS.stream().noneMatch((never) -> never.equalsTypeAndSubtype(type)))
			// Only the charset says something about our answers; other parameters
			// ("level=1") would be copied into the answer's Content-Type.
			.map(AnswerTypes::withCharsetOnly)
			.toList();
		return (answerable.isEmpty() && !asked.isEmpty()) ? List.of(NOTHING_WE_ANSWER) : answerable;
	}

	private static MediaType withCharsetOnly(MediaType type) {
		String charset = type.getParameter("charset");
		MediaType plain = new MediaType(type.getType(), type.getSubtype(),
				(charset != null) ? Map.of("charset", charset) : Map.of());
		return (type.getQualityValue() < 1) ? plain.copyQualityValue(type) : plain;
	}

}
