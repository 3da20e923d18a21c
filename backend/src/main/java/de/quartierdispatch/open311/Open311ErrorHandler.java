package de.quartierdispatch.open311;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.quartierdispatch.system.ClientAborts;
import de.quartierdispatch.system.FailureStatus;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.Language;
import de.quartierdispatch.system.LoggedPath;
import de.quartierdispatch.system.PathOnlyFailure;
import de.quartierdispatch.system.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Every failure under {@code /open311/} leaves in the specification's error format
 * ({@code errors}, each with {@code code} and {@code description}) in the format the
 * request asked for, with the HTTP status the specification names; everything else is
 * left to the application's problem-details handler. Descriptions are in English (they
 * are read by partner developers), field messages in the request's {@code locale}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class Open311ErrorHandler implements WebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(Open311ErrorHandler.class);

	/** The {@code locale} a submission's body gave, once it is read. */
	private static final String LOCALE = Open311ErrorHandler.class.getName() + ".locale";

	private final Open311Writer writer;

	private final MessageSource messages;

	Open311ErrorHandler(Open311Writer writer, MessageSource messages) {
		this.writer = writer;
		this.messages = messages;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/open311/")
				|| exchange.getResponse().isCommitted()) {
			return Mono.error(failure);
		}
		Open311Format format = Open311Format.of(exchange.getRequest());
		String given = exchange.getAttribute(LOCALE);
		Locale locale = Open311Languages
			.of((given != null) ? given : exchange.getRequest().getQueryParams().getFirst("locale"), Language.EN)
			.locale();
		HttpStatusCode status = status(failure);
		List<Map<String, Object>> errors = errors(failure, status, locale, exchange);
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		if (failure instanceof ErrorResponse error) {
			response.getHeaders().addAll(error.getHeaders());
		}
		if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
		}
		response.getHeaders().setContentType(format.mediaType());
		response.getHeaders().setCacheControl("no-store");
		byte[] body = this.writer.write(Open311Document.list("errors", "error", errors), format)
			.getBytes(StandardCharsets.UTF_8);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		response.getHeaders().setContentLength(body.length);
		response.getHeaders().remove(HttpHeaders.TRANSFER_ENCODING);
		return response.writeWith(Mono.just(buffer));
	}

	/**
	 * A submission's {@code locale} may come in its body, which this handler cannot read
	 * again: its reader leaves it here for the field messages of a refusal.
	 */
	static void answerIn(ServerWebExchange exchange, Open311Parameters parameters) {
		String locale = parameters.values().getFirst("locale");
		if (locale != null) {
			exchange.getAttributes().put(LOCALE, locale);
		}
	}

	private static HttpStatusCode status(Throwable failure) {
		if (failure instanceof Open311Exception open311) {
			return open311.status();
		}
		if (failure instanceof InvalidFieldsException || failure instanceof ServerWebInputException) {
			// GeoReport v2 answers every unacceptable parameter with 400.
			return HttpStatus.BAD_REQUEST;
		}
		if (failure instanceof ErrorResponse error) {
			return error.getStatusCode();
		}
		return FailureStatus.of(failure).orElse(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	private List<Map<String, Object>> errors(Throwable failure, HttpStatusCode status, Locale locale,
			ServerWebExchange exchange) {
		int code = status.value();
		if (failure instanceof Open311Exception open311) {
			return List.of(error(code, open311.description()));
		}
		if (failure instanceof InvalidFieldsException invalid) {
			return invalid.fields()
				.stream()
				.map((field) -> error(code,
						Open311Parameters.parameterOf(field.field()) + ": " + this.messages.getMessage(field, locale)))
				.toList();
		}
		if (failure instanceof ProblemException problem) {
			// A wording for the app's developer where the resident's would mislead
			// ("reload
			// the page").
			String forResidents = this.messages.getMessage("problem." + problem.code() + ".detail",
					problem.getDetailMessageArguments(), problem.code(), locale);
			return List.of(error(code, this.messages.getMessage("open311.problem." + problem.code(),
					problem.getDetailMessageArguments(), forResidents, locale)));
		}
		if (status.is5xxServerError() && ClientAborts.isClientAbort(failure)) {
			logger.debug("Open311 client of {} went away mid-request", LoggedPath.of(exchange.getRequest()));
			return List.of(error(HttpStatus.BAD_REQUEST.value(), "The request ended before its body did"));
		}
		if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			logger.warn("Open311 request {} {}: database unavailable", exchange.getRequest().getMethod(),
					LoggedPath.of(exchange.getRequest()));
			return List.of(error(code, "Service unavailable, try again in a few seconds"));
		}
		if (status.value() == HttpStatus.NOT_IMPLEMENTED.value()
				&& failure instanceof ResponseStatusException refused) {
			// A method or transfer coding the client chose that no one here implements:
			// its refusal, not a failure of ours.
			return List.of(error(code, (refused.getReason() != null) ? refused.getReason() : "Not implemented"));
		}
		if (status.is5xxServerError()) {
			String reference = exchange.getRequest().getId();
			logger.error("Open311 request {} {} failed [reference {}]", exchange.getRequest().getMethod(),
					LoggedPath.of(exchange.getRequest()), reference, PathOnlyFailure.of(failure));
			return List.of(error(code, "Internal error, reference " + reference));
		}
		HttpStatus known = HttpStatus.resolve(code);
		return List.of(error(code, (known != null) ? known.getReasonPhrase() : "Error " + code));
	}

	private static Map<String, Object> error(int code, String description) {
		return Open311Document.fields("code", code, "description", description);
	}

}
