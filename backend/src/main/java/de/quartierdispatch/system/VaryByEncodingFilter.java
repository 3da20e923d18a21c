package de.quartierdispatch.system;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Every answer may leave gzipped (Reactor Netty compresses by the request's
 * {@code Accept-Encoding}, application.yml) and Netty says nothing of it: a shared cache
 * in front (the README allows one for pages, files and the quarters' map) must keep the
 * two forms apart, or it serves gzip to a client that cannot read it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 310)
class VaryByEncodingFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		if (!headers.getVary().contains(HttpHeaders.ACCEPT_ENCODING)) {
			headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		}
		return chain.filter(exchange);
	}

}
