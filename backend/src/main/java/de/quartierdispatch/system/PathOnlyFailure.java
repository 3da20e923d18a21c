package de.quartierdispatch.system;

import org.jspecify.annotations.Nullable;

/**
 * A failure as it goes into the log: class, message and stack trace of each cause, but
 * not the suppressed exceptions that Reactor's checkpoints attach, because the framework
 * names the request in them with its full query string (coordinates, typed addresses).
 */
public final class PathOnlyFailure extends RuntimeException {

	private PathOnlyFailure(Throwable original, @Nullable PathOnlyFailure cause) {
		super(original.toString(), cause, false, true);
		setStackTrace(original.getStackTrace());
	}

	public static PathOnlyFailure of(Throwable failure) {
		Throwable cause = failure.getCause();
		PathOnlyFailure copiedCause = (cause != null && cause != failure) ? of(cause) : null;
		return new PathOnlyFailure(failure, copiedCause);
	}

}
