package de.quartierdispatch.incident;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import de.quartierdispatch.board.BoardEventType;
import de.quartierdispatch.board.EventLog;
import de.quartierdispatch.incident.Incidents.Decided;
import de.quartierdispatch.incident.LifecycleProblems.NotFoundException;
import de.quartierdispatch.incident.LifecycleProblems.OutsideScopeException;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lead takes back their own decision on how an incident ended, within a short window
 * ({@link DecisionProperties#undoWindow()}): a slip of the hand costs nothing. The
 * incident is open again; teams released by the decision stay released (the lead assigns
 * again).
 */
@Service
class DecisionUndo {

	private final Incidents incidents;

	private final EventLog events;

	private final DecisionProperties properties;

	private final Clock clock;

	DecisionUndo(Incidents incidents, EventLog events, DecisionProperties properties, Clock clock) {
		this.incidents = incidents;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	Mono<Void> undo(long incidentId, int version, StaffPrincipal lead) {
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		return this.incidents.lockDecided(incidentId)
			.switchIfEmpty(Mono.error(NotFoundException::new))
			.flatMap((decided) -> check(decided, version, lead, now))
			.flatMap((decided) -> this.incidents.undoDecision(incidentId, now)
				.then(this.events.incidentChanged(BoardEventType.INCIDENT_STATE_CHANGED, incidentId,
						IncidentCommands.actor(lead),
						Map.of("from", decided.state(), "to", IncidentState.OPEN, "undone", true, "outcome",
								decided.outcome()))))
			.then();
	}

	private Mono<Decided> check(Decided decided, int version, StaffPrincipal lead, OffsetDateTime now) {
		if (!lead.seesQuarter(decided.quarterId())) {
			return Mono.error(new OutsideScopeException());
		}
		if (decided.state().isActive() || decided.closedAt() == null || decided.outcome() == null) {
			return Mono.error(new NotUndoableException(HttpStatus.CONFLICT, "undo-not-decided"));
		}
		if (!IncidentCommands.actor(lead).equals(decided.decidedBy())) {
			return Mono.error(new NotUndoableException(HttpStatus.FORBIDDEN, "undo-other-lead"));
		}
		if (decided.closedAt().plus(this.properties.undoWindow()).isBefore(now)) {
			return Mono.error(new NotUndoableException(HttpStatus.CONFLICT, "undo-too-late"));
		}
		if (decided.version() != version) {
			return Mono.error(new NotUndoableException(HttpStatus.CONFLICT, "undo-changed"));
		}
		return Mono.just(decided);
	}

	/**
	 * The decision cannot be taken back: not decided by a lead, decided by another lead,
	 * the window has passed, or it changed since.
	 */
	static class NotUndoableException extends ProblemException {

		NotUndoableException(HttpStatus status, String code) {
			super(status, code);
		}

	}

}
