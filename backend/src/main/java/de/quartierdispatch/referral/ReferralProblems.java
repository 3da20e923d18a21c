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

	/**
	 * The referral is still in the state the change starts from, but not in the version
	 * the member saw: someone of their organisation recorded an outcome meanwhile.
	 */
	static class ChangedMeanwhileException extends ProblemException {

		ChangedMeanwhileException() {
			super(HttpStatus.CONFLICT, "referral-changed-meanwhile");
		}

	}

	/** A note sent again under its key, but with another text: not the same note. */
	static class NoteKeyReusedException extends ProblemException {

		NoteKeyReusedException() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "referral-note-key-reused");
		}

	}

	/** An {@code Idempotency-Key} in a form no key may have. */
	static class NoteKeyInvalidException extends ProblemException {

		NoteKeyInvalidException() {
			super(HttpStatus.BAD_REQUEST, "referral-note-key-invalid");
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
