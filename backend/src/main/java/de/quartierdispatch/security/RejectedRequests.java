package de.quartierdispatch.security;

import de.quartierdispatch.system.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Requests the security firewall refuses outright (encoded slashes or backslashes, path
 * traversal, malformed headers) are answered like every other bad request: 400 with
 * problem details, or under {@code /open311/} in GeoReport v2's error format.
 */
@Component
class RejectedRequests implements ServerExchangeRejectedHandler {

	private final ProblemResponses problems;

	RejectedRequests(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
		if (exchange.getRequest().getPath().value().startsWith("/open311/")) {
			// Open311 clients read the specification's error list there, for this refusal
			// too: the exception goes on to its handler (Open311ErrorHandler).
			return Mono
				.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "The request path is not acceptable"));
		}
		return this.problems.write(exchange, HttpStatus.BAD_REQUEST);
	}

}
