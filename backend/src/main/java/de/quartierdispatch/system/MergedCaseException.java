package de.quartierdispatch.system;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Something was to be added to an incident merged into another: the database refuses it
 * for every path (V121), and the client hears which incident goes on.
 */
class MergedCaseException extends ProblemException {

	MergedCaseException(@Nullable Long mergedInto) {
		super(HttpStatus.CONFLICT, "case-merged", (mergedInto != null) ? mergedInto.toString() : "?");
		property("mergedInto", mergedInto);
	}

	/** From the rule's detail, which names the incident that goes on. */
	static MergedCaseException fromDetail(@Nullable String detail) {
		return new MergedCaseException((detail != null && detail.matches("\\d{1,18}")) ? Long.valueOf(detail) : null);
	}

}
