package de.quartierdispatch.incident;

import de.quartierdispatch.incident.IncidentCommands.Decision;
import de.quartierdispatch.incident.LifecycleProblems.NotFoundException;
import de.quartierdispatch.incident.LifecycleProblems.OutsideScopeException;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.TextNormalizer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The team leads' incident API: read an incident, get team proposals, assign, follow up,
 * decide, change priority, add notes, merge duplicates. Every command answers with the
 * incident's new picture; the board hears of it through its event stream as well.
 */
@RestController
@RequestMapping(path = "/api/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
class IncidentController {

	private final IncidentQueries queries;

	private final IncidentCommands commands;

	private final FieldCommands fieldCommands;

	private final DecisionUndo undo;

	private final CommandMapper mapper;

	IncidentController(IncidentQueries queries, IncidentCommands commands, FieldCommands fieldCommands,
			DecisionUndo undo, CommandMapper mapper) {
		this.queries = queries;
		this.commands = commands;
		this.fieldCommands = fieldCommands;
		this.undo = undo;
		this.mapper = mapper;
	}

	@GetMapping("/{id}")
	Mono<String> incident(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal lead) {
		return this.queries.detail(id, IncidentCommands.actor(lead))
			.switchIfEmpty(Mono.error(NotFoundException::new))
			.flatMap((detail) -> {
				if (!lead.seesQuarter(detail.quarterId())) {
					return Mono.error(new OutsideScopeException());
				}
				return Mono.just(detail.document());
			});
	}

	@GetMapping("/{id}/proposals")
	Mono<String> proposals(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal lead) {
		return incident(id, lead).then(this.queries.proposals(id, lead.quarterScope()).collectList())
			.map((proposals) -> "[" + String.join(",", proposals) + "]");
	}

	@PostMapping("/{id}/assignments")
	Mono<String> assign(@PathVariable long id, @Valid @RequestBody Assign request,
			@AuthenticationPrincipal StaffPrincipal lead) {
		return this.commands.assign(id, request.version(), request.teamId(), lead).then(incident(id, lead));
	}

	@PostMapping("/{id}/assignments/{assignmentId}")
	Mono<String> moveAssignment(@PathVariable long id, @PathVariable long assignmentId,
			@Valid @RequestBody MoveAssignment request, @AuthenticationPrincipal StaffPrincipal lead) {
		return this.fieldCommands.moveAssignment(id, assignmentId, this.mapper.move(request), lead)
			.then(incident(id, lead));
	}

	@PostMapping("/{id}/decision")
	Mono<String> decide(@PathVariable long id, @Valid @RequestBody Decide request,
			@AuthenticationPrincipal StaffPrincipal lead) {
		return Mono.fromCallable(request::toDecision)
			.flatMap((decision) -> this.commands.decide(id, decision, lead))
			.then(incident(id, lead));
	}

	/** Takes the lead's own decision back, shortly after it was made. */
	@PostMapping("/{id}/decision/undo")
	Mono<String> undoDecision(@PathVariable long id, @Valid @RequestBody Undo request,
			@AuthenticationPrincipal StaffPrincipal lead) {
		return this.undo.undo(id, request.version(), lead).then(incident(id, lead));
	}

	@PostMapping("/{id}/priority")
	Mono<String> changePriority(@PathVariable long id, @Valid @RequestBody ChangePriority request,
			@AuthenticationPrincipal StaffPrincipal lead) {
		return this.commands
			.changePriority(id, request.version(), request.priority(), TextNormalizer.clean(request.reason()), lead)
			.then(incident(id, lead));
	}

	@PostMapping("/{id}/notes")
	Mono<String> addNote(@PathVariable long id, @Valid @RequestBody AddNote request,
			@AuthenticationPrincipal StaffPrincipal lead) {
		return this.commands.addNote(id, TextNormalizer.clean(request.text()), lead).then(incident(id, lead));
	}

	@PostMapping("/{id}/merge")
	Mono<String> merge(@PathVariable long id, @Valid @RequestBody Merge request,
			@AuthenticationPrincipal StaffPrincipal lead) {
		return this.commands.merge(id, request.version(), request.into(), lead).then(incident(request.into(), lead));
	}

	record Assign(long teamId, int version) {
	}

	record MoveAssignment(@NotNull AssignmentState state, int version, @Nullable @Size(max = 500) String note,
			@Nullable @Size(max = 500) String reason) {
	}

	/**
	 * A decision: {@code outcome} in the current vocabulary, or (older clients) only the
	 * final {@code state}, where closed means no action possible.
	 */
	record Decide(@Nullable Outcome outcome, @Nullable IncidentState state, int version,
			@Nullable @Size(max = 200) String referredTo, @Nullable @Size(max = 500) String reason) {

		Decision toDecision() {
			Outcome decided = (this.outcome != null) ? this.outcome
					: (this.state != null) ? Outcome.ofLegacyState(this.state) : null;
			if (decided == null) {
				throw new InvalidFieldsException("outcome", "incident.outcome-required");
			}
			String why = TextNormalizer.cleanOrNull(this.reason);
			// The resident is told why nothing could be done, also when an older client
			// says only "CLOSED".
			if (decided == Outcome.NO_ACTION_POSSIBLE && why == null) {
				throw new InvalidFieldsException("reason", "incident.reason-required");
			}
			return new Decision(decided, this.version, TextNormalizer.cleanOrNull(this.referredTo), why);
		}

	}

	record ChangePriority(@Min(1) @Max(4) int priority, int version, @NotBlank @Size(max = 500) String reason) {
	}

	record AddNote(@NotBlank @Size(max = 2000) String text) {
	}

	record Merge(long into, int version) {
	}

	record Undo(int version) {
	}

}
