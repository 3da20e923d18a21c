package de.quartierdispatch.staff;

import de.quartierdispatch.system.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * What can go wrong when administering staff accounts, each mapped by the one problem
 * handler.
 */
final class StaffProblems {

	private StaffProblems() {
	}

	/** No such account. */
	static class NoSuchMemberException extends ProblemException {

		NoSuchMemberException() {
			super(HttpStatus.NOT_FOUND, "staff-not-found");
		}

	}

	/** The user name is in use. */
	static class UsernameTakenException extends ProblemException {

		UsernameTakenException() {
			super(HttpStatus.CONFLICT, "username-taken");
		}

	}

}
