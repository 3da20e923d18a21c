package de.quartierdispatch.security;

import java.util.LinkedHashSet;
import java.util.Set;

import de.quartierdispatch.system.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Requests the security firewall refuses outright (encoded slashes or backslashes, path
 * traversal, malformed headers, methods not served) are answered like every other bad
 * request: with problem details, or under {@code /open311/} in GeoReport v2's error
 * format.
 */
@Component
class RejectedRequests implements ServerExchangeRejectedHandler {

	/** The methods the firewall lets through (StrictServerWebExchangeFirewall). */
	private static final Set<HttpMethod> SERVED = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
			HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

	/** What a path that no controller maps is (a page, a script, a style): read only. */
	private static final Set<HttpMethod> READ_ONLY = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

	private final ProblemResponses problems;

	/** Absent when the application runs a command, not a server. */
	private final ObjectProvider<RequestMappingHandlerMapping> controllers;

	RejectedRequests(ProblemResponses problems,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> controllers) {
		this.problems = problems;
		this.controllers = controllers;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
		HttpStatus status = statusFor(exchange.getRequest().getMethod());
		if (status != HttpStatus.METHOD_NOT_ALLOWED) {
			return refuse(exchange, status);
		}
		return allowedAt(exchange).flatMap((allowed) -> {
			exchange.getResponse().getHeaders().setAllow(allowed);
			return refuse(exchange, status);
		});
	}

	/**
	 * The methods the path's own controller serves (RFC 9110: a 405 names the target's
	 * methods, not the server's), as Spring's mapping answers for a method it does not
	 * map there.
	 */
	private Mono<Set<HttpMethod>> allowedAt(ServerWebExchange exchange) {
		RequestMappingHandlerMapping mapping = this.controllers.getIfAvailable();
		if (mapping == null) {
			return Mono.just(READ_ONLY);
		}
		return mapping.getHandler(exchange)
			.map((handler) -> SERVED)
			.onErrorResume(MethodNotAllowedException.class, (refused) -> Mono.just(served(refused)))
			.onErrorResume((other) -> Mono.just(READ_ONLY))
			.defaultIfEmpty(READ_ONLY);
	}

	private static Set<HttpMethod> served(MethodNotAllowedException refused) {
		Set<HttpMethod> methods = new LinkedHashSet<>(refused.getSupportedMethods());
		if (methods.contains(HttpMethod.GET)) {
			methods.add(HttpMethod.HEAD);
		}
		methods.add(HttpMethod.OPTIONS);
		return methods;
	}

	private Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status) {
		if (exchange.getRequest().getPath().value().startsWith("/open311/")) {
			// Open311 clients read the specification's error list there, for this refusal
			// too: the exception goes on to its handler (Open311ErrorHandler).
			String method = exchange.getRequest().getMethod().name();
			return Mono.error(new ResponseStatusException(status, switch (status) {
				case METHOD_NOT_ALLOWED -> "Method " + method + " is not allowed";
				case NOT_IMPLEMENTED -> "Method " + method + " is not implemented";
				default -> "The request is not acceptable";
			}));
		}
		return this.problems.write(exchange, status);
	}

	/**
	 * The firewall refuses every method but those served: one the protocol knows is not
	 * allowed here (405), one it does not know is not implemented (501, RFC 9110); any
	 * other refusal is of a bad path or header (400).
	 */
	private static HttpStatus statusFor(HttpMethod method) {
		if (SERVED.contains(method)) {
			return HttpStatus.BAD_REQUEST;
		}
		return (HttpMethod.TRACE.equals(method) || "CONNECT".equals(method.name())) ? HttpStatus.METHOD_NOT_ALLOWED
				: HttpStatus.NOT_IMPLEMENTED;
	}

}
