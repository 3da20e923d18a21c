package de.quartierdispatch.system;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
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
 * one, and read as it is it would be garbage, or text nobody wrote. So is a
 * {@code Transfer-Encoding} other than chunked (501): the server would read the body as
 * if it were only chunked, and a proxy in front that applies the coding would read
 * another body than we do. Two {@code Host} headers are refused too (400): which one
 * names the site depends on who reads them.
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
		HttpHeaders headers = exchange.getRequest().getHeaders();
		if (headers.getOrEmpty(HttpHeaders.HOST).size() > 1) {
			return Mono.error(new ServerWebInputException("More than one Host header"));
		}
		for (String coding : headers.getOrEmpty(HttpHeaders.TRANSFER_ENCODING)) {
			for (String each : coding.split(",")) {
				if (!each.isBlank() && !"chunked".equalsIgnoreCase(each.strip())) {
					return Mono.error(new ResponseStatusException(HttpStatus.NOT_IMPLEMENTED,
							"Transfer-Encoding " + each.strip() + " not applied"));
				}
			}
		}
		for (String coding : headers.getOrEmpty(HttpHeaders.CONTENT_ENCODING)) {
			for (String each : coding.split(",")) {
				if (!each.isBlank() && !"identity".equalsIgnoreCase(each.strip())) {
					return Mono.error(new UnsupportedMediaTypeStatusException("Content-Encoding not accepted"));
				}
			}
		}
		return chain.filter(exchange);
	}

}
