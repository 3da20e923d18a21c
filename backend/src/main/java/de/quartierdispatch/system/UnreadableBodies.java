package de.quartierdispatch.system;

import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebInputException;

/**
 * What reading a form or a multipart body by hand ({@code getFormData()},
 * {@code getMultipartData()}) fails with, as the client's mistake it is: a body over the
 * in-memory limit is 413, a broken one (bad percent-encoding, no boundary, a part without
 * a name, a truncated body) 400. The framework's readers fail with plain exceptions
 * there, which would otherwise be answered as 500.
 */
public final class UnreadableBodies {

	private UnreadableBodies() {
	}

	/** The failure as a 4xx, or as it was when it is not about the body. */
	public static Throwable asClientError(Throwable failure) {
		if (failure instanceof ErrorResponse) {
			return failure;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataBufferLimitException) {
				return new ContentTooLargeException(failure);
			}
		}
		if (failure instanceof DecodingException || failure instanceof IllegalArgumentException
				|| failure instanceof IllegalStateException) {
			return new ServerWebInputException("Unreadable request body", null, failure);
		}
		return failure;
	}

}
