package de.quartierdispatch.system;

import java.util.Optional;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The HTTP status of a failure that is no fault of the code that failed: a client that
 * stopped sending, a body over its limit, the database refusing or unreachable. For
 * handlers that answer in a format of their own (Open311) with the status the
 * application's problem details would carry.
 */
public final class FailureStatus {

	private FailureStatus() {
	}

	public static Optional<HttpStatusCode> of(Throwable failure) {
		if (ClientAborts.isStalledBody(failure)) {
			return Optional.of(HttpStatus.REQUEST_TIMEOUT);
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataBufferLimitException) {
				return Optional.of(HttpStatus.CONTENT_TOO_LARGE);
			}
		}
		return DatabaseFailures.classify(failure).map(DatabaseFailures.DatabaseFailure::status);
	}

}
