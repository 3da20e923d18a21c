package de.quartierdispatch.security;

import de.quartierdispatch.system.ProblemResponses;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Requests the security firewall refuses outright (encoded slashes or backslashes, path
 * traversal, malformed headers) are answered like every other bad request: 400 with
 * problem details.
 */
@Component
class RejectedRequests implements ServerExchangeRejectedHandler {

	private final ProblemResponses problems;

	RejectedRequests(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
		return this.problems.write(exchange, HttpStatus.BAD_REQUEST);
	}

}
