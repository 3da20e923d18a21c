package de.quartierdispatch.security;

import de.quartierdispatch.system.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A state-changing request without the page's CSRF token: sent by another site, or from a
 * page loaded before the token changed.
 */
class CsrfTokenRejectedException extends ProblemException {

	CsrfTokenRejectedException() {
		super(HttpStatus.FORBIDDEN, "csrf-token-rejected");
	}

}
