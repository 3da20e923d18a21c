package de.quartierdispatch.system;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import de.quartierdispatch.system.DatabaseFailures.DatabaseFailure;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidNullException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The one place where failures become responses: every error leaves as problem details in
 * the requester's language, never with a stack trace, SQL or internal detail. Unexpected
 * failures are logged with a reference the response repeats, so an operator can find
 * them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ProblemDetailsWebExceptionHandler implements WebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsWebExceptionHandler.class);

	private final ProblemResponses problems;

	ProblemDetailsWebExceptionHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		if (exchange.getResponse().isCommitted()) {
			// Too late for an answer: the connection is cut. Logged by path only (not the
			// query string); a client that left is no fault of the server's.
			logger.atLevel(ClientAborts.isClientGoneMidAnswer(failure) ? Level.DEBUG : Level.WARN)
				.log("Request {} {} failed after its answer began: {}", exchange.getRequest().getMethod(),
						LoggedPath.of(exchange.getRequest()), failure.getClass().getSimpleName());
			return Mono.error(failure);
		}
		Locale locale = this.problems.locale(exchange);
		ProblemDetail problem = toProblem(failure, locale, exchange);
		if (problem.getStatus() == HttpStatus.NOT_FOUND.value() && NotFoundPage.wanted(exchange)) {
			return NotFoundPage.write(exchange);
		}
		if (failure instanceof ErrorResponse response) {
			exchange.getResponse().getHeaders().addAll(response.getHeaders());
		}
		return this.problems.write(exchange, problem);
	}

	private ProblemDetail toProblem(Throwable failure, Locale locale, ServerWebExchange exchange) {
		if (failure instanceof WebExchangeBindException invalid) {
			return invalidRequest(invalid, locale);
		}
		if (failure instanceof InvalidFieldsException invalid) {
			ProblemDetail problem = localized(invalid, locale);
			problem.setProperty("errors",
					invalid.fields()
						.stream()
						.map((field) -> new FieldProblem(field.field(), field.code(),
								this.problems.messages().getMessage(field, locale)))
						.toList());
			return problem;
		}
		if (failure instanceof ProblemException known) {
			return localized(known, locale);
		}
		if (causedBy(failure, DataBufferLimitException.class)) {
			return this.problems.forStatus(HttpStatus.CONTENT_TOO_LARGE, locale);
		}
		if (ClientAborts.isStalledBody(failure)) {
			return this.problems.forStatus(HttpStatus.REQUEST_TIMEOUT, locale);
		}
		DatabindException unreadableField = cause(failure, DatabindException.class);
		if (unreadableField != null && failure instanceof ServerWebInputException) {
			return fieldProblem(HttpStatus.BAD_REQUEST, jsonField(unreadableField), jsonCode(unreadableField), locale);
		}
		if (failure instanceof ServerWebInputException input && input.getMethodParameter() != null
				&& input.getMethodParameter().getParameterName() != null) {
			logger.debug("Unreadable parameter of {}: {}", LoggedPath.of(exchange.getRequest()),
					mostSpecificMessage(failure));
			String code = (failure instanceof MissingRequestValueException) ? "NotNull" : "Unreadable";
			return fieldProblem(HttpStatus.BAD_REQUEST, input.getMethodParameter().getParameterName(), code, locale);
		}
		var database = DatabaseFailures.classify(failure);
		if (database.isPresent()) {
			return databaseProblem(database.get(), failure, exchange, locale);
		}
		if (failure instanceof ServerWebInputException) {
			// The parser's own message names Java types and offsets: keep it out of the
			// response, and tell the operator (at debug level: it is the client's
			// mistake).
			logger.debug("Unreadable request to {}: {}", LoggedPath.of(exchange.getRequest()),
					mostSpecificMessage(failure));
			ProblemDetail problem = this.problems.forStatus(HttpStatus.BAD_REQUEST, locale);
			problem.setDetail(this.problems.message("problem.unreadable-request.detail", locale, null));
			return problem;
		}
		if (failure instanceof ResponseStatusException | failure instanceof ErrorResponse) {
			ErrorResponse response = (ErrorResponse) failure;
			return this.problems.forStatus(response.getStatusCode(), locale);
		}
		if (ClientAborts.isClientAbort(failure)) {
			logger.debug("Client of {} went away mid-request", LoggedPath.of(exchange.getRequest()));
			return this.problems.forStatus(HttpStatus.BAD_REQUEST, locale);
		}
		String reference = exchange.getRequest().getId();
		logger.error("Request {} {} failed [reference {}]", exchange.getRequest().getMethod(),
				LoggedPath.of(exchange.getRequest()), reference, PathOnlyFailure.of(failure));
		ProblemDetail problem = this.problems.forStatus(HttpStatus.INTERNAL_SERVER_ERROR, locale);
		problem.setProperty("reference", reference);
		return problem;
	}

	private ProblemDetail databaseProblem(DatabaseFailure database, Throwable failure, ServerWebExchange exchange,
			Locale locale) {
		String path = LoggedPath.of(exchange.getRequest());
		return switch (database.kind()) {
			case UNAVAILABLE -> {
				logger.warn("Request {} {}: database unavailable ({})", exchange.getRequest().getMethod(), path,
						mostSpecificMessage(failure));
				ProblemDetail problem = this.problems.forStatus(HttpStatus.SERVICE_UNAVAILABLE, locale);
				// "Nothing was saved" would puzzle someone who only looked something up.
				HttpMethod method = exchange.getRequest().getMethod();
				boolean reading = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
				problem.setDetail(this.problems.message(
						reading ? "problem.database-unavailable.read.detail" : "problem.database-unavailable.detail",
						locale, null));
				yield problem;
			}
			case INTEGRITY -> {
				logger.debug("Request to {} refused by an integrity rule: {}", path, mostSpecificMessage(failure));
				yield fieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, fieldOrRequest(database), "Integrity", locale);
			}
			case REFUSED -> {
				ProblemException refusal = Objects.requireNonNull(database.refusal());
				logger.debug("Request to {} refused by a rule of the database: {}", path, refusal.code());
				yield localized(refusal, locale);
			}
			case INVALID_VALUE -> {
				logger.debug("Request to {} holds a value the database cannot take: {}", path,
						mostSpecificMessage(failure));
				yield fieldProblem(HttpStatus.BAD_REQUEST, fieldOrRequest(database), "OutOfRange", locale);
			}
		};
	}

	private static String fieldOrRequest(DatabaseFailure database) {
		return (database.field() != null) ? database.field() : "request";
	}

	/** One field named with a message code ({@code field.CODE} or {@code CODE}). */
	private ProblemDetail fieldProblem(HttpStatus status, String field, String code, Locale locale) {
		ProblemDetail problem = this.problems.forStatus(status, locale);
		problem.setDetail(this.problems.message("problem.invalid-request.detail", locale, null));
		FieldError error = new FieldError("request", field, null, false, new String[] { code }, null, code);
		problem.setProperty("errors",
				List.of(new FieldProblem(field, code, this.problems.messages().getMessage(error, locale))));
		return problem;
	}

	private static String jsonField(DatabindException failure) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : failure.getPath()) {
			if (reference.getPropertyName() != null) {
				field.append((field.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return (field.length() > 0) ? field.toString() : "request";
	}

	private static String jsonCode(DatabindException failure) {
		if (failure instanceof StorableTextModule.UnstorableTextException) {
			return "UnstorableText";
		}
		if (failure instanceof InvalidNullException) {
			return "NotNull";
		}
		return "Unreadable";
	}

	private ProblemDetail localized(ErrorResponse error, Locale locale) {
		return error.updateAndGetBody(this.problems.messages(), locale);
	}

	private ProblemDetail invalidRequest(WebExchangeBindException invalid, Locale locale) {
		ProblemDetail problem = this.problems.forStatus(HttpStatus.BAD_REQUEST, locale);
		problem.setDetail(this.problems.message("problem.invalid-request.detail", locale, null));
		List<FieldProblem> errors = MissingValues.firstOnly(invalid.getFieldErrors())
			.stream()
			.map((error) -> fieldProblem(error, locale))
			.toList();
		problem.setProperty("errors", errors);
		return problem;
	}

	private FieldProblem fieldProblem(FieldError error, Locale locale) {
		String code = (error.getCode() != null) ? error.getCode() : "Invalid";
		// Rejected values are deliberately not echoed: they may be personal data.
		FieldError withoutDefault = new FieldError(error.getObjectName(), error.getField(), null, false,
				error.getCodes(), error.getArguments(), code);
		return new FieldProblem(error.getField(), code, this.problems.messages().getMessage(withoutDefault, locale));
	}

	private static String mostSpecificMessage(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		return cause(failure, type) != null;
	}

	private static <T extends Throwable> @Nullable T cause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
