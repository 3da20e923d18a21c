package de.quartierdispatch.system;

import java.time.Duration;

import reactor.core.Exceptions;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Recording what was already done outside the database (a mail the server took, a webhook
 * the subscriber answered): a database that does not answer just then (a connection lost)
 * is asked again for about ten seconds, rather than taken for the thing itself failing,
 * which would do it again.
 */
public final class DoneElsewhere {

	private DoneElsewhere() {
	}

	/**
	 * How recording it is tried again: six times, 0.2 s apart at first, about 10 s in
	 * all.
	 */
	public static RetryBackoffSpec recordingRetried() {
		return Retry.backoff(6, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(2));
	}

	/** The type of the last failure, once the retries are exhausted: for a log line. */
	public static String lastFailure(Throwable failure) {
		Throwable last = (Exceptions.isRetryExhausted(failure) && failure.getCause() != null) ? failure.getCause()
				: failure;
		return last.getClass().getSimpleName();
	}

}
