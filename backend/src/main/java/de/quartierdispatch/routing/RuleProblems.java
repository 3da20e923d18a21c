package de.quartierdispatch.routing;

import de.quartierdispatch.system.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * What can go wrong when editing routing rules, each mapped by the one problem handler.
 */
final class RuleProblems {

	private RuleProblems() {
	}

	/** No rule with this id. */
	static class RuleNotFoundException extends ProblemException {

		RuleNotFoundException() {
			super(HttpStatus.NOT_FOUND, "rule-not-found");
		}

	}

	/** Someone changed the rule since it was read. */
	static class RuleChangedException extends ProblemException {

		RuleChangedException(int currentVersion) {
			super(HttpStatus.CONFLICT, "rule-changed", currentVersion);
			property("currentVersion", currentVersion);
		}

	}

	/** The default rule catches what no other rule does: it cannot go. */
	static class DefaultRuleRequiredException extends ProblemException {

		DefaultRuleRequiredException() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "default-rule-required");
		}

	}

}
