package de.quartierdispatch.incident;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import de.quartierdispatch.board.BoardEventType;
import de.quartierdispatch.board.EventLog;
import de.quartierdispatch.incident.LifecycleProblems.NotFoundException;
import de.quartierdispatch.incident.LifecycleProblems.OutsideScopeException;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.team.Teams;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lead takes back their own decision on how an incident ended, within a short window
 * ({@link DecisionProperties#undoWindow()}): a slip of the hand costs nothing. The
 * incident is open again, and the teams the decision called off or finished have their
 * jobs back as they were, where they are still free for them (a team sent elsewhere
 * meanwhile stays there, and the lead assigns again); the incident's state follows them.
 */
@Service
class DecisionUndo {

	private final Incidents incidents;

	private final Assignments assignments;

	private final Teams teams;

	private final CheckIns checkIns;

	private final EventLog events;

	private final DecisionProperties properties;

	private final Clock clock;

	DecisionUndo(Incidents incidents, Assignments assignments, Teams teams, CheckIns checkIns, EventLog events,
			DecisionProperties properties, Clock clock) {
		this.incidents = incidents;
		this.assignments = assignments;
		this.teams = teams;
		this.checkIns = checkIns;
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
			.flatMap((decided) -> restoreJobs(incidentId, lead, now).then(this.assignments.statesOf(incidentId))
				.flatMap((states) -> {
					IncidentState state = Lifecycle.beforeTheDecision(states);
					return this.incidents.undoDecision(incidentId, state, now)
						.then(this.events.incidentChanged(BoardEventType.INCIDENT_STATE_CHANGED, incidentId,
								IncidentCommands.actor(lead), Map.of("from", decided.state(), "to", state, "undone",
										true, "outcome", decided.outcome())));
				}))
			.then();
	}

	/**
	 * The jobs the decision ended, back with their teams; their states as they are again.
	 */
	private Mono<Void> restoreJobs(long incidentId, StaffPrincipal lead, OffsetDateTime now) {
		// Each team locked first, as sending it elsewhere or retiring it locks it: what
		// those did is then seen, and a team busy elsewhere or retired stays as it is.
		return this.assignments.endedTeams(incidentId)
			.concatMap(this.teams::lockAvailability)
			.thenMany(this.assignments.restoreEnded(incidentId, now))
			.concatMap((restored) -> this.teams
				.setStatus(restored.teamId(), FieldCommands.teamStatusFor(restored.state()), null, now)
				// Back on site: the team's safety timer runs again, from now.
				.then((restored.state() == AssignmentState.ON_SITE)
						? this.checkIns.start(restored.teamId(), restored.id(), now) : Mono.empty())
				.then(this.events.teamChanged(BoardEventType.TEAM_STATUS_CHANGED, restored.teamId(),
						IncidentCommands.actor(lead), Map.of())))
			.then();
	}

	private Mono<Decided> check(Decided decided, int version, StaffPrincipal lead, OffsetDateTime now) {
		if (!lead.seesQuarter(decided.quarterId())) {
			return Mono.error(new OutsideScopeException());
		}
		// A merge is no decision to take back here: the reports have gone to the other
		// incident.
		if (decided.state().isActive() || decided.closedAt() == null || decided.outcome() == null
				|| decided.decidedBy() == null || decided.merged()) {
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
