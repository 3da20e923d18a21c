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
 * Every answer is whole: a {@code Range} header is ignored, as HTTP allows (RFC 9110,
 * 14.2), and none is advertised. The pages' files are small and served from memory with
 * their length set beforehand; the framework's range support then answered a range with
 * the whole file's {@code Content-Length} and a shorter body, or none (an unsatisfiable
 * range), so that the client waited for bytes that never came.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class WholeAnswersOnly implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		// Only files are served with ranges: the APIs (the intake among them) pass
		// untouched.
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (path.startsWith("/api/") || path.startsWith("/open311/") || path.startsWith("/ws/")) {
			return chain.filter(exchange);
		}
		exchange.getResponse().beforeCommit(() -> {
			exchange.getResponse().getHeaders().remove(HttpHeaders.ACCEPT_RANGES);
			return Mono.empty();
		});
		HttpHeaders headers = exchange.getRequest().getHeaders();
		if (headers.getFirst(HttpHeaders.RANGE) == null && headers.getFirst(HttpHeaders.IF_RANGE) == null) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request((request) -> request.headers((writable) -> {
			writable.remove(HttpHeaders.RANGE);
			writable.remove(HttpHeaders.IF_RANGE);
		})).build());
	}

}
