package de.quartierdispatch.system;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Headers that decide how a request is framed and where it goes, refused where a proxy in
 * front may read them otherwise than we do: a {@code Transfer-Encoding} other than
 * chunked (501; the server would read the body as if it were only chunked, a proxy that
 * applies the coding another body), and two {@code Host} headers (400; which one names
 * the site depends on who reads them).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 104)
class MessageFramingFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
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
		return chain.filter(exchange);
	}

}
