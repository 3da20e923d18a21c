package de.quartierdispatch.system;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes RFC 9457 problem details ({@code application/problem+json}) in the requester's
 * language. Used by the error handler and by the security entry points, so that every
 * refusal looks the same.
 */
@Component
public class ProblemResponses {

	private static final String RETRY_AFTER_SECONDS = "5";

	private final MessageSource messages;

	private final JsonMapper json;

	ProblemResponses(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	/** A problem for a plain status, titled in the requester's language. */
	public ProblemDetail forStatus(HttpStatusCode status, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(message("problem.status." + status.value(), locale, null));
		return problem;
	}

	public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status) {
		return write(exchange, forStatus(status, locale(exchange)));
	}

	public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
		if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			// Whatever answers 503 (the database away, photo processing busy): soon
			// again.
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		}
		byte[] body = this.json.writeValueAsBytes(toMap(problem, exchange));
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	public Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Language.DEFAULT.locale();
	}

	String message(String code, Locale locale, @Nullable String defaultMessage) {
		String message = this.messages.getMessage(code, null, defaultMessage, locale);
		return (message != null) ? message : code;
	}

	MessageSource messages() {
		return this.messages;
	}

	private Map<String, Object> toMap(ProblemDetail problem, ServerWebExchange exchange) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", (problem.getType() != null) ? problem.getType().toString() : "about:blank");
		if (problem.getTitle() != null) {
			body.put("title", problem.getTitle());
		}
		body.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			body.put("detail", problem.getDetail());
		}
		body.put("instance", exchange.getRequest().getPath().value());
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

}
