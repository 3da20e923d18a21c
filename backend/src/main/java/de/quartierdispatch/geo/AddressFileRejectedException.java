package de.quartierdispatch.geo;

import de.quartierdispatch.system.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * An address file without the named columns.
 */
class AddressFileRejectedException extends ProblemException {

	AddressFileRejectedException(IllegalArgumentException cause) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "address-file-rejected", cause.getMessage());
	}

}
