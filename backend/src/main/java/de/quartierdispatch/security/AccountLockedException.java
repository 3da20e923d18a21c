package de.quartierdispatch.security;

import java.time.Duration;

import de.quartierdispatch.system.TooManyRequestsException;

/**
 * Too many failed sign-ins in a row: the account waits out its lock.
 */
class AccountLockedException extends TooManyRequestsException {

	AccountLockedException(Duration remaining) {
		super("account-locked", remaining);
	}

}
