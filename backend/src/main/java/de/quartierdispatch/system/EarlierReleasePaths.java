package de.quartierdispatch.system;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A file asked for under another release's path is answered from its plain path, so as
 * revalidated, not kept for good: a page loaded before an update, or from the other
 * instance during a rolling one, still finds its modules.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EarlierReleasePaths implements WebFilter {

	private static final String CURRENT = FrontendRelease.PREFIX + FrontendRelease.tag() + "/";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.startsWith(FrontendRelease.PREFIX) || path.startsWith(CURRENT)) {
			return chain.filter(exchange);
		}
		int plain = path.indexOf('/', FrontendRelease.PREFIX.length());
		if (plain < 0 || !FrontendRelease.isOwnFile(path.substring(plain))) {
			return chain.filter(exchange);
		}
		String contextPath = exchange.getRequest().getPath().contextPath().value();
		return chain
			.filter(exchange.mutate().request((request) -> request.path(contextPath + path.substring(plain))).build());
	}

}
