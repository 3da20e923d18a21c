package de.quartierdispatch.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

import de.quartierdispatch.board.EventLog;
import de.quartierdispatch.geo.GeoPoint;
import de.quartierdispatch.incident.LifecycleProblems.NotYourTeamException;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.team.TeamStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The field view's API: a team member sees their own team's assignments (and nobody
 * else's), moves them on, and sets the team's status. A position is stored only when the
 * member shares it with a status change.
 */
@RestController
@RequestMapping(path = "/api/field", produces = MediaType.APPLICATION_JSON_VALUE)
class FieldController {

	/** Finished assignments stay on the list this long. */
	static final Duration FINISHED_SHOWN = Duration.ofHours(12);

	private static final Pattern STEP_KEY = Pattern.compile("[A-Za-z0-9-]{8,100}");

	private final FieldQueries queries;

	private final FieldCommands commands;

	private final EventLog eventLog;

	private final Clock clock;

	private final CommandMapper mapper;

	FieldController(FieldQueries queries, FieldCommands commands, EventLog eventLog, Clock clock,
			CommandMapper mapper) {
		this.mapper = mapper;
		this.eventLog = eventLog;
		this.queries = queries;
		this.commands = commands;
		this.clock = clock;
	}

	/**
	 * The member's team, its active assignments and those finished in the last 12 hours.
	 */
	@GetMapping("/assignments")
	Mono<String> assignments(@AuthenticationPrincipal StaffPrincipal member) {
		return this.queries.assignments(teamOf(member), this.clock.instant().minus(FINISHED_SHOWN));
	}

	/**
	 * Where the field view starts following the event stream: now (it loads its list
	 * fresh).
	 */
	@GetMapping("/stream-position")
	Mono<String> streamPosition() {
		return this.eventLog.lastSeq().map((seq) -> "{\"seq\":" + seq + "}");
	}

	/**
	 * A step. With an {@code Idempotency-Key} (the app sends one with every step, also
	 * when it replays steps queued offline) a step arriving twice is applied once.
	 */
	@PostMapping("/assignments/{id}")
	Mono<String> move(@PathVariable long id,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@Valid @RequestBody FieldMove request, @AuthenticationPrincipal StaffPrincipal member) {
		teamOf(member);
		if (key == null) {
			return this.commands.moveAssignment(null, id, this.mapper.move(request), member).then(assignments(member));
		}
		if (!STEP_KEY.matcher(key).matches()) {
			return Mono.error(new StepKeyInvalidException());
		}
		return this.commands.moveAssignmentOnce(key, id, this.mapper.move(request), member).then(assignments(member));
	}

	/** Break, back on duty, off duty. En route and on site follow from assignments. */
	@PostMapping("/team/status")
	Mono<String> teamStatus(@Valid @RequestBody TeamStatusChange request,
			@AuthenticationPrincipal StaffPrincipal member) {
		return this.commands.setTeamStatus(teamOf(member), request.status(), request.position(), member)
			.then(assignments(member));
	}

	private static long teamOf(StaffPrincipal member) {
		if (member.teamId() == null) {
			throw new NotYourTeamException();
		}
		return member.teamId();
	}

	/**
	 * A field member's step, with their position if they choose to share it, and when
	 * they took it (a step queued on the phone without network arrives later).
	 */
	record FieldMove(@NotNull AssignmentState state, int version, @Nullable @Size(max = 500) String note,
			@Nullable @Size(max = 500) String reason, @Nullable @Valid GeoPoint position,
			@Nullable OffsetDateTime takenAt) {
	}

	/**
	 * A step's {@code Idempotency-Key} that is not 8 to 100 letters, digits or dashes.
	 */
	static class StepKeyInvalidException extends ProblemException {

		StepKeyInvalidException() {
			super(HttpStatus.BAD_REQUEST, "step-key-invalid");
		}

	}

	record TeamStatusChange(@NotNull TeamStatus status, @Nullable @Valid GeoPoint position) {
	}

}
