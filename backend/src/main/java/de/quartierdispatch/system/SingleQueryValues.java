package de.quartierdispatch.system;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * No parameter of the API is a list, so one given twice is ambiguous: Spring would take
 * the first, and {@code DELETE …?version=1&version=2} deleted a rule against a version
 * the client may not have meant. Refused with 400 naming the parameter, as Open311 does
 * for its own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 111)
class SingleQueryValues implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")) {
			return chain.filter(exchange);
		}
		for (Map.Entry<String, List<String>> parameter : exchange.getRequest().getQueryParams().entrySet()) {
			if (parameter.getValue().size() > 1) {
				return Mono.error(new RepeatedParameterException(parameter.getKey()));
			}
		}
		return chain.filter(exchange);
	}

	static final class RepeatedParameterException extends InvalidFieldsException {

		RepeatedParameterException(String parameter) {
			super(HttpStatus.BAD_REQUEST, "invalid-fields", List.of(new InvalidField(parameter, "repeated")));
		}

	}

}
