package de.quartierdispatch.system;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A request whose {@code Content-Type} cannot be read at all (no subtype, an unknown
 * charset, a parameter without a value) is refused with 415 before anything else looks at
 * it, whatever its method. Every later reader (the filters that check form fields, the
 * CSRF token's form lookup, the body decoders, Open311's form and multipart parameters)
 * may then ask for the type without it throwing, which would otherwise be a 500. A body
 * in a {@code Content-Encoding} (gzip, say) is refused the same way: nothing here decodes
 * one, and read as it is it would be garbage, or text nobody wrote.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 105)
class ReadableContentTypeFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try {
			exchange.getRequest().getHeaders().getContentType();
		}
		catch (InvalidMediaTypeException ex) {
			return Mono.error(new UnsupportedMediaTypeStatusException("Unreadable Content-Type", List.of()));
		}
		for (String coding : exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.CONTENT_ENCODING)) {
			for (String each : coding.split(",")) {
				if (!each.isBlank() && !"identity".equalsIgnoreCase(each.strip())) {
					return Mono.error(new UnsupportedMediaTypeStatusException("Content-Encoding not accepted"));
				}
			}
		}
		return chain.filter(exchange);
	}

}
