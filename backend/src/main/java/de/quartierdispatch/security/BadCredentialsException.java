package de.quartierdispatch.security;

import de.quartierdispatch.system.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Unknown user, wrong password, disabled or locked account: deliberately the same answer
 * for all four. It says when an account locks and for how long, so that staff whose
 * account is locked know to wait or ask, without telling anyone which accounts exist.
 */
class BadCredentialsException extends ProblemException {

	BadCredentialsException(SecurityProperties properties) {
		super(HttpStatus.UNAUTHORIZED, "bad-credentials", properties.maxFailedLogins(),
				properties.lockout().toMinutes());
	}

}
