package de.quartierdispatch.incident;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import de.quartierdispatch.board.BoardEventType;
import de.quartierdispatch.board.EventLog;
import de.quartierdispatch.geo.GeoPoint;
import de.quartierdispatch.incident.LifecycleProblems.AssignmentChangedException;
import de.quartierdispatch.incident.LifecycleProblems.IllegalTransitionException;
import de.quartierdispatch.incident.LifecycleProblems.NotFoundException;
import de.quartierdispatch.incident.LifecycleProblems.NotYourTeamException;
import de.quartierdispatch.incident.LifecycleProblems.StatusFollowsAssignmentsException;
import de.quartierdispatch.incident.LifecycleProblems.TeamRetiredException;
import de.quartierdispatch.security.Role;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.team.TeamStatus;
import de.quartierdispatch.team.Teams;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a field team does: moves its assignments on and sets its own status. Like every
 * command, one transaction with the board event written last.
 */
@Service
class FieldCommands {

	private final Incidents incidents;

	private final Assignments assignments;

	private final Notes notes;

	private final Teams teams;

	private final EventLog events;

	private final IncidentCommands incidentCommands;

	private final FieldStepKeys stepKeys;

	private final CheckIns checkIns;

	private final Clock clock;

	FieldCommands(Incidents incidents, Assignments assignments, Notes notes, Teams teams, EventLog events,
			IncidentCommands incidentCommands, FieldStepKeys stepKeys, CheckIns checkIns, Clock clock) {
		this.incidents = incidents;
		this.checkIns = checkIns;
		this.stepKeys = stepKeys;
		this.assignments = assignments;
		this.notes = notes;
		this.teams = teams;
		this.events = events;
		this.incidentCommands = incidentCommands;
		this.clock = clock;
	}

	/**
	 * Moves an assignment on: en route, on site, done, or declined with a reason. Field
	 * members may do this for their own team only; their position is stored only when
	 * they share it. When the caller names the incident too, an assignment of another
	 * incident is not found: nothing changes.
	 */
	@Transactional
	Mono<Void> moveAssignment(@Nullable Long incidentId, long assignmentId, AssignmentMove move, StaffPrincipal actor) {
		return moveAssignmentNow(incidentId, assignmentId, move, actor);
	}

	/**
	 * A field member's step with its {@code Idempotency-Key}: a step sent again (queued
	 * while offline, or retried) is applied once; its second arrival changes nothing.
	 * Only the team whose assignment it is gets that far: another team's step is refused
	 * whether or not its key was seen before.
	 */
	@Transactional
	Mono<Void> moveAssignmentOnce(String key, long assignmentId, AssignmentMove move, StaffPrincipal actor) {
		return this.assignments.lockAfterIncident(assignmentId)
			.switchIfEmpty(Mono.error(NotFoundException::new))
			.flatMap((current) -> ownTeams(current, actor) ? this.stepKeys.claim(key, assignmentId, move, now())
					: Mono.error(new NotYourTeamException()))
			.flatMap((first) -> first ? moveAssignmentNow(null, assignmentId, move, actor) : Mono.empty());
	}

	/** A lead may act for any team; a field member only for their own. */
	private static boolean ownTeams(AssignmentRow assignment, StaffPrincipal actor) {
		return actor.has(Role.DISPATCHER) || Long.valueOf(assignment.teamId()).equals(actor.teamId());
	}

	private Mono<Void> moveAssignmentNow(@Nullable Long incidentId, long assignmentId, AssignmentMove move,
			StaffPrincipal actor) {
		OffsetDateTime now = now();
		return this.assignments.lockAfterIncident(assignmentId)
			.filter((current) -> incidentId == null || incidentId == current.incidentId())
			.switchIfEmpty(Mono.error(NotFoundException::new))
			.flatMap((current) -> {
				if (!ownTeams(current, actor)) {
					return Mono.error(new NotYourTeamException());
				}
				return this.incidents.lock(current.incidentId())
					.flatMap((incident) -> IncidentCommands.checkScope(incident, actor).thenReturn(incident))
					.flatMap((incident) -> move(current, incident, move, actor, now));
			});
	}

	/** The move itself, once the caller may act on the assignment and its incident. */
	private Mono<Void> move(AssignmentRow current, IncidentRow incident, AssignmentMove move, StaffPrincipal actor,
			OffsetDateTime now) {
		if (move.version() != current.version()) {
			return Mono.error(new AssignmentChangedException(current));
		}
		if (!Lifecycle.assignmentMay(current.state(), move.state())) {
			return Mono.error(new IllegalTransitionException(current.state(), move.state()));
		}
		if (move.state() == AssignmentState.DECLINED && (move.reason() == null || move.reason().isBlank())) {
			return this.teams.worksVoluntarily(current.teamId())
				.flatMap((offer) -> offer ? apply(current, incident, move, actor, now)
						: Mono.error(new InvalidFieldsException("reason", "assignment.reason-required")));
		}
		return apply(current, incident, move, actor, now);
	}

	/**
	 * Applies a checked step. An offer to a street-work team may be declined without a
	 * reason; every other decline has one.
	 */
	private Mono<Void> apply(AssignmentRow current, IncidentRow incident, AssignmentMove move, StaffPrincipal actor,
			OffsetDateTime now) {
		// The team's status and its check-in timer start from now: the safety timer runs
		// from when the team was last heard of.
		OffsetDateTime taken = StepTimes.taken(move.takenAt(), current.updatedAt(), now);
		return this.assignments.move(current.id(), move.state(), move.note(), move.reason(), taken)
			.then(this.teams.setStatus(current.teamId(), teamStatusFor(move.state()), move.position(), now))
			.then(checkIn(current, move.state(), now))
			.then(declineNote(incident.id(), move, actor, taken))
			.then(stepNote(incident.id(), move, actor, taken).map(Optional::of).defaultIfEmpty(Optional.empty()))
			.flatMap((noteId) -> this.incidentCommands.followAssignments(incident, now)
				.then(arrival(incident.id(), move.state(), taken, now))
				.then(this.events.assignmentChanged(BoardEventType.ASSIGNMENT_CHANGED, incident.id(), current.teamId(),
						IncidentCommands.actor(actor), details(current, move.state(), noteId, taken, now))))
			.then();
	}

	/** An arrival that waited on the phone counts from when it was taken (statistics). */
	private Mono<Void> arrival(long incidentId, AssignmentState state, OffsetDateTime taken, OffsetDateTime now) {
		return (state == AssignmentState.ON_SITE && taken.isBefore(now)) ? this.incidents.arrivedBy(incidentId, taken)
				: Mono.empty();
	}

	/** What the board learns of a step: ids and times, no free text. */
	private static Map<String, Object> details(AssignmentRow current, AssignmentState state, Optional<Long> noteId,
			OffsetDateTime taken, OffsetDateTime now) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("assignment", current.id());
		details.put("state", state);
		noteId.ifPresent((id) -> details.put("noteId", id));
		if (StepTimes.delayed(taken, now)) {
			details.put("takenAt", taken.toInstant().toString());
		}
		return details;
	}

	/**
	 * The note given with a step, as a note on the incident: the lead reads it on the
	 * board; the event names the note (events carry no free text).
	 */
	private Mono<Long> stepNote(long incidentId, AssignmentMove move, StaffPrincipal actor, OffsetDateTime now) {
		if (move.note() == null || move.note().isBlank()) {
			return Mono.empty();
		}
		return this.notes.add(incidentId, "FIELD", IncidentCommands.actor(actor), move.note().strip(), now);
	}

	/**
	 * A team's own status: on a break, back, off duty. En route and on site follow from
	 * its assignments, and a team on an incident cannot go on a break.
	 */
	@Transactional
	Mono<Void> setTeamStatus(long teamId, TeamStatus status, @Nullable GeoPoint position, StaffPrincipal member) {
		if (status == TeamStatus.EN_ROUTE || status == TeamStatus.ON_SITE) {
			return Mono.error(new StatusFollowsAssignmentsException());
		}
		OffsetDateTime now = now();
		return this.teams.lockAvailability(teamId).flatMap((availability) -> {
			if (availability.retired()) {
				return Mono.error(new TeamRetiredException());
			}
			return (availability.busy() && status != TeamStatus.AVAILABLE)
					? Mono.error(new StatusFollowsAssignmentsException()) : Mono.just(availability);
		})
			.then(this.teams.setStatus(teamId, status, position, now))
			.then(this.events.teamChanged(BoardEventType.TEAM_STATUS_CHANGED, teamId, IncidentCommands.actor(member),
					Map.of()))
			.then();
	}

	/** On site starts the team's check-in timer; leaving the assignment ends it. */
	private Mono<Void> checkIn(AssignmentRow current, AssignmentState state, OffsetDateTime now) {
		if (state == AssignmentState.ON_SITE) {
			return this.checkIns.start(current.teamId(), current.id(), now);
		}
		return state.isActive() ? Mono.empty() : this.checkIns.end(current.id()).then();
	}

	private Mono<Void> declineNote(long incidentId, AssignmentMove move, StaffPrincipal actor, OffsetDateTime now) {
		if (move.state() != AssignmentState.DECLINED || move.reason() == null) {
			return Mono.empty();
		}
		return this.notes.add(incidentId, "DECLINE", IncidentCommands.actor(actor), move.reason().strip(), now).then();
	}

	/** The status a team has while its job is in this state. */
	static TeamStatus teamStatusFor(AssignmentState state) {
		return switch (state) {
			case EN_ROUTE -> TeamStatus.EN_ROUTE;
			case ON_SITE -> TeamStatus.ON_SITE;
			default -> TeamStatus.AVAILABLE;
		};
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
	 * @param takenAt when the member took the step, as the phone says (StepTimes)
	 */
	record AssignmentMove(AssignmentState state, int version, @Nullable String note, @Nullable String reason,
			@Nullable GeoPoint position, @Nullable OffsetDateTime takenAt) {
	}

}
