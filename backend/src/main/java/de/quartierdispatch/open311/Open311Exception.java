package de.quartierdispatch.open311;

import org.springframework.http.HttpStatus;

/**
 * A refusal in GeoReport v2's terms: the HTTP status the specification names, and a
 * description for the partner app's developer.
 */
class Open311Exception extends RuntimeException {

	private final HttpStatus status;

	Open311Exception(HttpStatus status, String description) {
		super(description, null, false, false);
		this.status = status;
	}

	HttpStatus status() {
		return this.status;
	}

	String description() {
		return getMessage();
	}

	static Open311Exception badRequest(String description) {
		return new Open311Exception(HttpStatus.BAD_REQUEST, description);
	}

	static Open311Exception notFound(String description) {
		return new Open311Exception(HttpStatus.NOT_FOUND, description);
	}

	static Open311Exception forbidden(String description) {
		return new Open311Exception(HttpStatus.FORBIDDEN, description);
	}

}
