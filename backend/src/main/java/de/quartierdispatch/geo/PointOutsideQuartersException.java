package de.quartierdispatch.geo;

import de.quartierdispatch.system.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A point that lies in no known quarter.
 */
class PointOutsideQuartersException extends ProblemException {

	PointOutsideQuartersException() {
		super(HttpStatus.NOT_FOUND, "point-outside-quarters");
	}

}
