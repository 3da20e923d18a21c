package de.quartierdispatch.security;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers of the APIs are never stored by a browser or proxy: they hold staff data and
 * residents' reports. (Pages and assets are revalidated instead, see application.yml.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 300)
class NoStoreFilter implements WebFilter {

	private static final String NO_STORE = CacheControl.noStore().getHeaderValue();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
			exchange.getResponse().getHeaders().setCacheControl(NO_STORE);
		}
		return chain.filter(exchange);
	}

}
