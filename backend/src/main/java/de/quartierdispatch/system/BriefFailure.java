package de.quartierdispatch.system;

import org.springframework.core.NestedExceptionUtils;

/**
 * A failure in one line for a log or a stored error: its type and what its innermost
 * cause says, not Spring's wrapping message, which holds the whole statement's SQL over a
 * dozen lines.
 */
public final class BriefFailure {

	private static final int MAX_LENGTH = 300;

	private BriefFailure() {
	}

	public static String of(Throwable failure) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		String message = cause.getMessage();
		String text = failure.getClass().getSimpleName()
				+ ((cause != failure) ? " (" + cause.getClass().getSimpleName() + ")" : "")
				+ ((message != null) ? ": " + message.replaceAll("\\s+", " ").strip() : "");
		return (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) : text;
	}

}
