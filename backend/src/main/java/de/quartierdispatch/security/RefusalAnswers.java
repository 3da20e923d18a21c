package de.quartierdispatch.security;

import java.net.URI;

import de.quartierdispatch.system.NotFoundPage;
import de.quartierdispatch.system.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a refused request is answered. A method the path does not take is 405 with the
 * methods it does (as for a signed-in caller), not "sign in" or "the page lost its
 * security token": a client that posts to a path it may only read learns what it did
 * wrong. Looked up only once a request is refused, so the requests that pass pay nothing
 * for it.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class RefusalAnswers {

	private static final String[] STAFF_PAGES = { "/counter", "/board", "/field", "/admin", "/stats", "/directory",
			"/partner", "/mfa" };

	private final ProblemResponses problems;

	private final RequestMappingHandlerMapping handlers;

	private final ServerWebExchangeMatcher pages = ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, STAFF_PAGES);

	RefusalAnswers(ProblemResponses problems,
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
		this.problems = problems;
		this.handlers = handlers;
	}

	/** Not signed in: pages send the browser to the sign-in page, APIs answer 401. */
	ServerAuthenticationEntryPoint entryPoint() {
		return (exchange, failure) -> this.pages.matches(exchange).flatMap((match) -> {
			if (match.isMatch()) {
				return redirect(exchange, "/login?next=");
			}
			// Staff pages are matched above: a page asked for here is unknown.
			return NotFoundPage.wanted(exchange) ? NotFoundPage.write(exchange) : methodNotAllowed(exchange)
				.switchIfEmpty(Mono.defer(() -> this.problems.write(exchange, HttpStatus.UNAUTHORIZED)));
		});
	}

	/**
	 * Signed in without the role: pages send the browser to the sign-in page (to switch
	 * accounts), or to the second factor's page while it is due; APIs answer 403.
	 */
	ServerAccessDeniedHandler accessDenied() {
		return (exchange, denied) -> this.pages.matches(exchange)
			.zipWith(secondFactorPending(exchange))
			.flatMap((matchAndPending) -> {
				if (matchAndPending.getT1().isMatch()) {
					return redirect(exchange, matchAndPending.getT2() ? "/mfa?next=" : "/login?denied&next=");
				}
				return NotFoundPage.wanted(exchange) ? NotFoundPage.write(exchange) : methodNotAllowed(exchange)
					.switchIfEmpty(Mono.defer(() -> this.problems.write(exchange, HttpStatus.FORBIDDEN)));
			});
	}

	/**
	 * A change without the page's security token: 403, unless the path does not take the
	 * method.
	 */
	ServerAccessDeniedHandler csrfRejected() {
		return (exchange, denied) -> methodNotAllowed(exchange)
			.switchIfEmpty(Mono.error(new CsrfTokenRejectedException()));
	}

	/** Fails with 405 when a handler has the path but not the method; empty otherwise. */
	private Mono<Void> methodNotAllowed(ServerWebExchange exchange) {
		return this.handlers.getHandler(exchange)
			.then(Mono.<Void>empty())
			.onErrorResume(
					(failure) -> (failure instanceof MethodNotAllowedException) ? Mono.error(failure) : Mono.empty());
	}

	private static Mono<Void> redirect(ServerWebExchange exchange, String page) {
		exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
		exchange.getResponse().getHeaders().setLocation(URI.create(page + exchange.getRequest().getPath().value()));
		return exchange.getResponse().setComplete();
	}

	private static Mono<Boolean> secondFactorPending(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.map((principal) -> principal instanceof Authentication authentication
					&& authentication.getAuthorities().contains(SecondFactorSignIn.PENDING))
			.defaultIfEmpty(false);
	}

}
