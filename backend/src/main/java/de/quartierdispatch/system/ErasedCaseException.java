package de.quartierdispatch.system;

import org.springframework.http.HttpStatus;

/**
 * Something was to be added to a case, or a case reopened, after its personal data was
 * erased: the database refuses it for every path (V117), and the client hears why.
 */
class ErasedCaseException extends ProblemException {

	ErasedCaseException() {
		super(HttpStatus.CONFLICT, "case-erased");
	}

}
