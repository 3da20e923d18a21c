package de.quartierdispatch.intake;

import de.quartierdispatch.incident.JoinRefusal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;

/** Why a walk-in could not join the incident staff chose for it. */
final class JoinProblems {

	private JoinProblems() {
	}

	static <T> Mono<T> refused(JoinRefusal refusal) {
		return Mono.error(switch (refusal) {
			case UNKNOWN -> new InvalidFieldsException("attachToIncident", "incident.unknown");
			case NOT_OPEN -> new IncidentNotOpenException();
			case OUTSIDE_REMIT -> new OutsideRemitException();
			case ELSEWHERE -> new IncidentElsewhereException();
		});
	}

	/** The incident lies outside the quarters of the lead. */
	static class OutsideRemitException extends ProblemException {

		OutsideRemitException() {
			super(HttpStatus.FORBIDDEN, "incident-outside-scope");
		}

	}

	/** The incident was closed in the meantime. */
	static class IncidentNotOpenException extends ProblemException {

		IncidentNotOpenException() {
			super(HttpStatus.CONFLICT, "incident-not-open");
		}

	}

	/** The incident is of another category, or not near the report's place. */
	static class IncidentElsewhereException extends ProblemException {

		IncidentElsewhereException() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "incident-elsewhere");
		}

	}

}
