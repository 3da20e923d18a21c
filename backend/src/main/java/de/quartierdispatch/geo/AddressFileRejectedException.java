package de.quartierdispatch.geo;

import de.quartierdispatch.system.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * An address file that cannot be imported at all: nothing of it was imported. The detail
 * says why in the reader's language; {@code reason} names it for programs.
 */
class AddressFileRejectedException extends ProblemException {

	AddressFileRejectedException(IllegalArgumentException cause) {
		this((cause instanceof AddressFileUnreadable unreadable) ? unreadable
				: new AddressFileUnreadable("unreadable", cause));
	}

	private AddressFileRejectedException(AddressFileUnreadable cause) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "address-file-rejected", cause);
		property("reason", cause.reason());
	}

}
