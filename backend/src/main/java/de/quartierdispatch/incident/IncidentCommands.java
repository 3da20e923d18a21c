package de.quartierdispatch.incident;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import de.quartierdispatch.board.BoardEventType;
import de.quartierdispatch.board.EventLog;
import de.quartierdispatch.incident.LifecycleProblems.IllegalTransitionException;
import de.quartierdispatch.incident.LifecycleProblems.IncidentChangedException;
import de.quartierdispatch.incident.LifecycleProblems.IncidentEndedException;
import de.quartierdispatch.incident.LifecycleProblems.NotFoundException;
import de.quartierdispatch.incident.LifecycleProblems.OutsideScopeException;
import de.quartierdispatch.incident.LifecycleProblems.TeamUnavailableException;
import de.quartierdispatch.security.Role;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.team.TeamStatus;
import de.quartierdispatch.team.Teams;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that moves an incident on. Each command is one transaction: the incident row
 * is locked and its version compared (the loser of a race gets 409 with the current
 * state), the change is made, and the board event is written last, so that the change and
 * its event commit together.
 */
@Service
class IncidentCommands {

	private final Incidents incidents;

	private final Assignments assignments;

	private final Notes notes;

	private final Teams teams;

	private final EventLog events;

	private final Clock clock;

	IncidentCommands(Incidents incidents, Assignments assignments, Notes notes, Teams teams, EventLog events,
			Clock clock) {
		this.incidents = incidents;
		this.assignments = assignments;
		this.notes = notes;
		this.teams = teams;
		this.events = events;
		this.clock = clock;
	}

	/** Assigns a team; the incident becomes dispatched. */
	@Transactional
	Mono<Void> assign(long incidentId, int version, long teamId, StaffPrincipal lead) {
		OffsetDateTime now = now();
		return lockForLead(incidentId, version, lead).flatMap((incident) -> {
			if (!Lifecycle.acceptsTeams(incident.state())) {
				return Mono.error(new IllegalTransitionException(incident.state(), IncidentState.DISPATCHED));
			}
			return this.teams.lockAvailability(teamId)
				.switchIfEmpty(Mono.error(() -> new InvalidFieldsException("teamId", "assignment.unknown-team")))
				.flatMap((team) -> team.canTakeAnIncident() ? Mono.just(team)
						: Mono.error(TeamUnavailableException.of(team, incidentId)))
				.then(this.assignments.create(incidentId, teamId, actor(lead), now))
				.then(followAssignments(incident, now))
				.then(this.events.assignmentChanged(BoardEventType.TEAM_ASSIGNED, incidentId, teamId, actor(lead),
						Map.of()))
				.onErrorMap(DataIntegrityViolationException.class, (ex) -> new TeamUnavailableException("ASSIGNED"))
				.then();
		});
	}

	/**
	 * A team lead's decision on how the incident ends: resolved, referred (to whom), no
	 * action possible (why), nothing found. A duplicate is ended by a merge, not here.
	 */
	@Transactional
	Mono<Void> decide(long incidentId, Decision decision, StaffPrincipal lead) {
		OffsetDateTime now = now();
		Outcome outcome = decision.outcome();
		IncidentState target = outcome.state();
		return lockForLead(incidentId, decision.version(), lead).flatMap((incident) -> {
			if (!Lifecycle.leadMay(incident.state(), target)) {
				return Mono.error(new IllegalTransitionException(incident.state(), target));
			}
			return releaseTeams(incidentId, lead, now)
				.then(this.incidents.decide(incidentId, outcome, decision.referredTo(), decision.reason(), actor(lead),
						now))
				.then(this.events.incidentChanged(BoardEventType.INCIDENT_STATE_CHANGED, incidentId, actor(lead),
						Map.of("from", incident.state(), "to", target, "outcome", outcome)))
				.then();
		});
	}

	/** Changes the priority; the reason is kept as a note. */
	@Transactional
	Mono<Void> changePriority(long incidentId, int version, int priority, String reason, StaffPrincipal lead) {
		OffsetDateTime now = now();
		return lockForLead(incidentId, version, lead).flatMap((incident) -> {
			if (!incident.state().isActive()) {
				return Mono.error(IncidentEndedException.of(incident.state()));
			}
			if (incident.priority() == priority) {
				// Nothing to change: no note, no event, no new version for every board.
				return Mono.error(new InvalidFieldsException("priority", "priority.unchanged"));
			}
			String text = "P" + incident.priority() + " → P" + priority + ": " + reason.strip();
			return this.incidents.changePriority(incidentId, priority, now)
				.then(this.notes.add(incidentId, "PRIORITY", actor(lead), text, now))
				.then(this.events.incidentChanged(BoardEventType.PRIORITY_CHANGED, incidentId, actor(lead),
						Map.of("from", incident.priority(), "to", priority)))
				.then();
		});
	}

	@Transactional
	Mono<Void> addNote(long incidentId, String text, StaffPrincipal lead) {
		OffsetDateTime now = now();
		return this.incidents.lock(incidentId)
			.switchIfEmpty(Mono.error(NotFoundException::new))
			.flatMap((incident) -> checkScope(incident, lead).thenReturn(incident))
			.flatMap((incident) -> this.notes.add(incidentId, "NOTE", actor(lead), text.strip(), now))
			.flatMap((noteId) -> this.events.incidentChanged(BoardEventType.NOTE_ADDED, incidentId, actor(lead),
					Map.of("note", noteId)))
			.then();
	}

	/**
	 * Merges a duplicate into another incident: its reports and active assignments move
	 * over, and it is closed as a duplicate. Both incidents are locked in id order, so
	 * that two leads merging in opposite directions cannot deadlock.
	 */
	@Transactional
	Mono<Void> merge(long duplicateId, int version, long targetId, StaffPrincipal lead) {
		if (duplicateId == targetId) {
			return Mono.error(new InvalidFieldsException("into", "incident.merge-into-itself"));
		}
		OffsetDateTime now = now();
		Mono<IncidentRow> first = this.incidents.lock(Math.min(duplicateId, targetId));
		Mono<IncidentRow> second = this.incidents.lock(Math.max(duplicateId, targetId));
		return first.zipWhen((ignored) -> second).switchIfEmpty(Mono.error(NotFoundException::new)).flatMap((both) -> {
			IncidentRow duplicate = (both.getT1().id() == duplicateId) ? both.getT1() : both.getT2();
			IncidentRow target = (both.getT1().id() == targetId) ? both.getT1() : both.getT2();
			return checkScope(duplicate, lead).then(checkScope(target, lead))
				.then(Mono.defer(() -> mergeChecked(duplicate, target, version, lead, now)));
		});
	}

	/** The merge itself, once the lead may act on both incidents. */
	private Mono<Void> mergeChecked(IncidentRow duplicate, IncidentRow target, int version, StaffPrincipal lead,
			OffsetDateTime now) {
		long duplicateId = duplicate.id();
		long targetId = target.id();
		if (duplicate.version() != version) {
			return Mono.error(new IncidentChangedException(duplicate));
		}
		if (!duplicate.state().isActive()) {
			return Mono.error(new IllegalTransitionException(duplicate.state(), IncidentState.CLOSED));
		}
		if (!target.state().isActive()) {
			return Mono.error(IncidentEndedException.asMergeTarget(target.state()));
		}
		return this.assignments.moveActive(duplicateId, targetId)
			.then(this.incidents.moveReports(duplicateId, targetId, now))
			.then(this.incidents.absorb(targetId, duplicateId, now))
			.then(this.incidents.markMerged(duplicateId, targetId, now))
			.then(this.notes.add(targetId, "MERGE", actor(lead), "#" + duplicateId + " → #" + targetId, now))
			.then(this.incidents.lock(targetId))
			.flatMap((merged) -> followAssignments(merged, now))
			.then(this.events.incidentChanged(BoardEventType.INCIDENT_MERGED, duplicateId, actor(lead),
					Map.of("into", targetId)))
			.then(this.events.incidentChanged(BoardEventType.INCIDENT_MERGED, targetId, actor(lead),
					Map.of("from", duplicateId)))
			.then();
	}

	private Mono<IncidentRow> lockForLead(long incidentId, int version, StaffPrincipal lead) {
		return this.incidents.lock(incidentId)
			.switchIfEmpty(Mono.error(NotFoundException::new))
			.flatMap((incident) -> checkScope(incident, lead).thenReturn(incident))
			.flatMap((incident) -> (incident.version() == version) ? Mono.just(incident)
					: Mono.error(new IncidentChangedException(incident)));
	}

	static Mono<Void> checkScope(IncidentRow incident, StaffPrincipal staff) {
		if (staff.has(Role.DISPATCHER) && !staff.seesQuarter(incident.quarterId())) {
			return Mono.error(new OutsideScopeException());
		}
		return Mono.empty();
	}

	/** Lets the incident's state follow its assignments, and steps its version. */
	Mono<Void> followAssignments(IncidentRow incident, OffsetDateTime now) {
		return this.assignments.statesOf(incident.id())
			.map((states) -> Lifecycle.followAssignments(incident.state(), states))
			.flatMap((state) -> this.incidents.update(incident.id(), state, null, null, now));
	}

	private Mono<Void> releaseTeams(long incidentId, StaffPrincipal lead, OffsetDateTime now) {
		Flux<Long> released = this.assignments.finishActive(incidentId, now);
		return released
			.concatMap((teamId) -> this.teams.setStatus(teamId, TeamStatus.AVAILABLE, null, now)
				.then(this.events.teamChanged(BoardEventType.TEAM_STATUS_CHANGED, teamId, actor(lead), Map.of())))
			.then();
	}

	/** How staff appear in events and records: by account id, never by name. */
	static String actor(StaffPrincipal staff) {
		return "staff:" + staff.userId();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * A team lead's decision on an incident's end.
	 *
	 * @param outcome how it ended
	 * @param version the incident's version the lead saw
	 * @param referredTo the body it was handed to (for referred): told to the reporter as
	 * where to turn
	 * @param reason why no action was possible (for staff; redacted with the text)
	 */
	public record Decision(Outcome outcome, int version, @Nullable String referredTo, @Nullable String reason) {

		public Decision {
			if (outcome == Outcome.DUPLICATE) {
				throw new InvalidFieldsException("outcome", "incident.duplicate-by-merge");
			}
			if (outcome == Outcome.REFERRED && (referredTo == null || referredTo.isBlank())) {
				throw new InvalidFieldsException("referredTo", "incident.referred-to-required");
			}
		}

	}

}
