package de.quartierdispatch.referral;

import de.quartierdispatch.system.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * What can go wrong with a referral, as the client is told.
 */
final class ReferralProblems {

	private ReferralProblems() {
	}

	/** No such referral, or not one this account may see: the same answer for both. */
	static class NotFoundException extends ProblemException {

		NotFoundException() {
			super(HttpStatus.NOT_FOUND, "referral-not-found");
		}

	}

	/** The referral is no longer in a state that allows this. */
	static class StateConflictException extends ProblemException {

		StateConflictException(String state) {
			super(HttpStatus.CONFLICT, "referral-state-conflict");
			property("state", state);
		}

	}

	/** The incident does not exist. */
	static class NoSuchIncidentException extends ProblemException {

		NoSuchIncidentException() {
			super(HttpStatus.NOT_FOUND, "referral-incident-not-found");
		}

	}

	/** The incident lies outside the team lead's quarters. */
	static class OutsideScopeException extends ProblemException {

		OutsideScopeException() {
			super(HttpStatus.FORBIDDEN, "referral-outside-scope");
		}

	}

}
