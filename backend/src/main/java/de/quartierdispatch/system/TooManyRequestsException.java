package de.quartierdispatch.system;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A client over its allowance: 429 with {@code Retry-After} in whole seconds.
 */
public class TooManyRequestsException extends ProblemException {

	private final long retryAfterSeconds;

	public TooManyRequestsException(Duration retryAfter) {
		this("too-many-requests", retryAfter);
	}

	protected TooManyRequestsException(String code, Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, code, Math.max(1, (retryAfter.toMillis() + 999) / 1000));
		this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

	@Override
	public HttpHeaders getHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(this.retryAfterSeconds));
		return headers;
	}

}
