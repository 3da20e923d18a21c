package de.quartierdispatch.security;

import de.quartierdispatch.system.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The second factor's step cannot go on: a wrong or already used code, no enrolment to
 * confirm, or a step that is not due.
 */
class SecondFactorRefusedException extends ProblemException {

	SecondFactorRefusedException(HttpStatus status, String code) {
		super(status, code);
	}

}
