package de.quartierdispatch.system;

import io.netty.handler.codec.http.HttpVersion;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
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
 * applies the coding another body), and two {@code Host} headers or none over HTTP/1.1
 * (400; which site is meant depends on who reads them).
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
		if (headers.getOrEmpty(HttpHeaders.HOST).isEmpty() && isHttp11(exchange.getRequest())) {
			return Mono.error(new ServerWebInputException("No Host header"));
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

	/**
	 * HTTP/1.1 requires a Host header (RFC 9112, 3.2), HTTP/1.0 does not; a request over
	 * HTTP/2 arrives here with its {@code :authority} as Host.
	 */
	private static boolean isHttp11(ServerHttpRequest request) {
		Object connection = ServerHttpRequestDecorator.getNativeRequest(request);
		return connection instanceof HttpServerRequest netty && HttpVersion.HTTP_1_1.equals(netty.version());
	}

}
