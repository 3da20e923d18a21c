package de.quartierdispatch.incident;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import de.quartierdispatch.board.BoardEventType;
import de.quartierdispatch.board.EventLog;
import de.quartierdispatch.geo.GeoPoint;
import de.quartierdispatch.incident.LifecycleProblems.AssignmentChangedException;
import de.quartierdispatch.incident.LifecycleProblems.IllegalTransitionException;
import de.quartierdispatch.incident.LifecycleProblems.IncidentChangedException;
import de.quartierdispatch.incident.LifecycleProblems.NotFoundException;
import de.quartierdispatch.incident.LifecycleProblems.NotYourTeamException;
import de.quartierdispatch.incident.LifecycleProblems.OutsideScopeException;
import de.quartierdispatch.incident.LifecycleProblems.StatusFollowsAssignmentsException;
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
public class IncidentCommands {

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
	public Mono<Void> assign(long incidentId, int version, long teamId, StaffPrincipal lead) {
		OffsetDateTime now = now();
		return lockForLead(incidentId, version, lead).flatMap((incident) -> {
			if (!Lifecycle.acceptsTeams(incident.state())) {
				return Mono.error(new IllegalTransitionException(incident.state(), IncidentState.DISPATCHED));
			}
			return this.teams.lockAvailability(teamId)
				.switchIfEmpty(Mono.error(NotFoundException::new))
				.flatMap((team) -> team.canTakeAnIncident() ? Mono.just(team)
						: Mono.error(new TeamUnavailableException(team.busy() ? "ASSIGNED" : team.status().name())))
				.then(this.assignments.create(incidentId, teamId, actor(lead), now))
				.then(followAssignments(incident, now))
				.then(this.events.assignmentChanged(BoardEventType.TEAM_ASSIGNED, incidentId, teamId, actor(lead),
						Map.of()))
				.onErrorMap(DataIntegrityViolationException.class, (ex) -> new TeamUnavailableException("ASSIGNED"))
				.then();
		});
	}

	/**
	 * Moves an assignment on: en route, on site, done, or declined with a reason. Field
	 * members may do this for their own team only; their position is stored only when
	 * they share it.
	 */
	@Transactional
	public Mono<Void> moveAssignment(long assignmentId, AssignmentMove move, StaffPrincipal actor) {
		OffsetDateTime now = now();
		return this.assignments.lock(assignmentId)
			.switchIfEmpty(Mono.error(NotFoundException::new))
			.flatMap((current) -> {
				if (!actor.has(Role.DISPATCHER) && !Long.valueOf(current.teamId()).equals(actor.teamId())) {
					return Mono.error(new NotYourTeamException());
				}
				if (move.version() != current.version()) {
					return Mono.error(new AssignmentChangedException(current));
				}
				if (!Lifecycle.assignmentMay(current.state(), move.state())) {
					return Mono.error(new IllegalTransitionException(current.state(), move.state()));
				}
				if (move.state() == AssignmentState.DECLINED && (move.reason() == null || move.reason().isBlank())) {
					return Mono.error(new InvalidFieldsException("reason", "assignment.reason-required"));
				}
				return this.incidents.lock(current.incidentId())
					.flatMap((incident) -> checkScope(incident, actor).thenReturn(incident))
					.flatMap((incident) -> this.assignments
						.move(assignmentId, move.state(), move.note(), move.reason(), now)
						.then(this.teams.setStatus(current.teamId(), teamStatusFor(move.state()), move.position(), now))
						.then(declineNote(incident.id(), move, actor, now))
						.then(followAssignments(incident, now))
						.then(this.events.assignmentChanged(BoardEventType.ASSIGNMENT_CHANGED, incident.id(),
								current.teamId(), actor(actor),
								Map.of("assignment", assignmentId, "state", move.state()))))
					.then();
			});
	}

	/** A team lead's decision on how the incident ends: resolved, referred or closed. */
	@Transactional
	public Mono<Void> decide(long incidentId, Decision decision, StaffPrincipal lead) {
		OffsetDateTime now = now();
		return lockForLead(incidentId, decision.version(), lead).flatMap((incident) -> {
			if (!Lifecycle.leadMay(incident.state(), decision.state())) {
				return Mono.error(new IllegalTransitionException(incident.state(), decision.state()));
			}
			if (decision.state() == IncidentState.REFERRED
					&& (decision.referredTo() == null || decision.referredTo().isBlank())) {
				return Mono.error(new InvalidFieldsException("referredTo", "incident.referred-to-required"));
			}
			String outcome = switch (decision.state()) {
				case RESOLVED -> "RESOLVED";
				case REFERRED -> "REFERRED";
				default -> "NO_ACTION";
			};
			return releaseTeams(incidentId, lead, now)
				.then(this.incidents.update(incidentId, decision.state(), outcome, decision.referredTo(), now))
				.then(this.events.incidentChanged(BoardEventType.INCIDENT_STATE_CHANGED, incidentId, actor(lead),
						Map.of("from", incident.state(), "to", decision.state())))
				.then();
		});
	}

	/** Changes the priority; the reason is kept as a note. */
	@Transactional
	public Mono<Void> changePriority(long incidentId, int version, int priority, String reason, StaffPrincipal lead) {
		OffsetDateTime now = now();
		return lockForLead(incidentId, version, lead).flatMap((incident) -> {
			if (!incident.state().isActive()) {
				return Mono.error(new IllegalTransitionException(incident.state(), incident.state()));
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
	public Mono<Void> addNote(long incidentId, String text, StaffPrincipal lead) {
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
	public Mono<Void> merge(long duplicateId, int version, long targetId, StaffPrincipal lead) {
		if (duplicateId == targetId) {
			return Mono.error(new InvalidFieldsException("into", "incident.merge-into-itself"));
		}
		OffsetDateTime now = now();
		Mono<IncidentRow> first = this.incidents.lock(Math.min(duplicateId, targetId));
		Mono<IncidentRow> second = this.incidents.lock(Math.max(duplicateId, targetId));
		return first.zipWhen((ignored) -> second).switchIfEmpty(Mono.error(NotFoundException::new)).flatMap((both) -> {
			IncidentRow duplicate = (both.getT1().id() == duplicateId) ? both.getT1() : both.getT2();
			IncidentRow target = (both.getT1().id() == targetId) ? both.getT1() : both.getT2();
			if (duplicate.version() != version) {
				return Mono.error(new IncidentChangedException(duplicate));
			}
			if (!duplicate.state().isActive()) {
				return Mono.error(new IllegalTransitionException(duplicate.state(), IncidentState.CLOSED));
			}
			if (!target.state().isActive()) {
				return Mono.error(new IllegalTransitionException(target.state(), target.state()));
			}
			return checkScope(duplicate, lead).then(checkScope(target, lead))
				.then(this.assignments.moveActive(duplicateId, targetId))
				.then(this.incidents.moveReports(duplicateId, targetId))
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
		});
	}

	/**
	 * A team's own status: on a break, back, off duty. En route and on site follow from
	 * its assignments, and a team on an incident cannot go on a break.
	 */
	@Transactional
	public Mono<Void> setTeamStatus(long teamId, TeamStatus status, @Nullable GeoPoint position,
			StaffPrincipal member) {
		if (status == TeamStatus.EN_ROUTE || status == TeamStatus.ON_SITE) {
			return Mono.error(new StatusFollowsAssignmentsException());
		}
		OffsetDateTime now = now();
		return this.teams.lockAvailability(teamId)
			.flatMap((availability) -> (availability.busy() && status != TeamStatus.AVAILABLE)
					? Mono.error(new StatusFollowsAssignmentsException()) : Mono.just(availability))
			.then(this.teams.setStatus(teamId, status, position, now))
			.then(this.events.teamChanged(BoardEventType.TEAM_STATUS_CHANGED, teamId, actor(member), Map.of()))
			.then();
	}

	private Mono<IncidentRow> lockForLead(long incidentId, int version, StaffPrincipal lead) {
		return this.incidents.lock(incidentId)
			.switchIfEmpty(Mono.error(NotFoundException::new))
			.flatMap((incident) -> checkScope(incident, lead).thenReturn(incident))
			.flatMap((incident) -> (incident.version() == version) ? Mono.just(incident)
					: Mono.error(new IncidentChangedException(incident)));
	}

	private static Mono<Void> checkScope(IncidentRow incident, StaffPrincipal staff) {
		if (staff.has(Role.DISPATCHER) && !staff.seesQuarter(incident.quarterId())) {
			return Mono.error(new OutsideScopeException());
		}
		return Mono.empty();
	}

	/** Lets the incident's state follow its assignments, and steps its version. */
	private Mono<Void> followAssignments(IncidentRow incident, OffsetDateTime now) {
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

	private Mono<Void> declineNote(long incidentId, AssignmentMove move, StaffPrincipal actor, OffsetDateTime now) {
		if (move.state() != AssignmentState.DECLINED || move.reason() == null) {
			return Mono.empty();
		}
		return this.notes.add(incidentId, "DECLINE", actor(actor), move.reason().strip(), now).then();
	}

	private static TeamStatus teamStatusFor(AssignmentState state) {
		return switch (state) {
			case EN_ROUTE -> TeamStatus.EN_ROUTE;
			case ON_SITE -> TeamStatus.ON_SITE;
			default -> TeamStatus.AVAILABLE;
		};
	}

	/** How staff appear in events and records: by account id, never by name. */
	static String actor(StaffPrincipal staff) {
		return "staff:" + staff.userId();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * A step of an assignment.
	 *
	 * @param state the new state
	 * @param version the assignment's version the member saw
	 * @param note a short note (optional)
	 * @param reason why it was declined (required for a decline)
	 * @param position where the team is, if the member shares it
	 */
	public record AssignmentMove(AssignmentState state, int version, @Nullable String note, @Nullable String reason,
			@Nullable GeoPoint position) {
	}

	/**
	 * A team lead's decision on an incident's end.
	 *
	 * @param state resolved, referred or closed
	 * @param version the incident's version the lead saw
	 * @param referredTo the agency it was handed to (for referred)
	 */
	public record Decision(IncidentState state, int version, @Nullable String referredTo) {
	}

}
