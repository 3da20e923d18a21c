package de.quartierdispatch.security;

import de.quartierdispatch.system.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Unknown user, wrong password or disabled account: deliberately the same answer for all
 * three.
 */
class BadCredentialsException extends ProblemException {

	BadCredentialsException() {
		super(HttpStatus.UNAUTHORIZED, "bad-credentials");
	}

}
