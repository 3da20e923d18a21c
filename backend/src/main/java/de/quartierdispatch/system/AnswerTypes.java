package de.quartierdispatch.system;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.accept.HeaderContentTypeResolver;
import org.springframework.web.reactive.accept.RequestedContentTypeResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * The types a client accepts, less those no success of ours is: a problem (which the
 * client gets whenever something fails, whatever it asked for) and streams of events or
 * lines. Asked for as the only type, Spring would label a JSON answer with it; now an
 * operation that cannot answer otherwise is 406.
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
			.filter((type) -> NEVER_A_SUCCESS.stream().noneMatch((never) -> never.equalsTypeAndSubtype(type)))
			.toList();
		return (answerable.isEmpty() && !asked.isEmpty()) ? List.of(NOTHING_WE_ANSWER) : answerable;
	}

}
