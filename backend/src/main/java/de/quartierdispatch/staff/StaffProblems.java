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

	/**
	 * An administrator's own second factor is not reset from the administration: a
	 * session taken over (an unlocked computer) would otherwise trade the second factor
	 * for a new one with the password alone. A new phone is set up under "Zweiter
	 * Faktor"; a lost one is reset by another administrator.
	 */
	static class OwnSecondFactorException extends ProblemException {

		OwnSecondFactorException() {
			super(HttpStatus.FORBIDDEN, "own-second-factor");
		}

	}

	/** The user name is in use. */
	static class UsernameTakenException extends ProblemException {

		UsernameTakenException() {
			super(HttpStatus.CONFLICT, "username-taken");
		}

	}

}
