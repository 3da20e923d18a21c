package de.quartierdispatch.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.quartierdispatch.board.BoardEventType;
import de.quartierdispatch.board.EventLog;
import de.quartierdispatch.privacy.AuditLog;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.InvalidFieldsException.InvalidField;
import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.system.TextNormalizer;
import de.quartierdispatch.team.TeamRoster;
import de.quartierdispatch.team.TeamRoster.TeamDefinition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators keep the teams: name, team type, the languages its members speak and the
 * quarters it covers. A new team starts off duty; field members are tied to it on the
 * accounts tab. Every change is audited and reaches open boards at once (a board event in
 * the same transaction).
 */
@RestController
@RequestMapping(path = "/api/admin/teams", produces = MediaType.APPLICATION_JSON_VALUE)
class TeamAdministration {

	private final TeamRoster roster;

	private final EventLog events;

	private final AuditLog audit;

	private final TransactionalOperator transactions;

	TeamAdministration(TeamRoster roster, EventLog events, AuditLog audit, TransactionalOperator transactions) {
		this.roster = roster;
		this.events = events;
		this.audit = audit;
		this.transactions = transactions;
	}

	@GetMapping
	Mono<String> list() {
		return this.roster.all();
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	Mono<ResponseEntity<String>> create(@Valid @RequestBody TeamRequest request,
			@AuthenticationPrincipal StaffPrincipal admin) {
		TeamDefinition team = request.definition();
		Mono<String> created = checked(team, -1).then(this.roster.create(team))
			.flatMap((id) -> recorded(admin, "TEAM_CREATED", id, team));
		return this.transactions.transactional(created)
			.onErrorMap(DuplicateKeyException.class, (taken) -> nameTaken())
			.map((document) -> ResponseEntity.status(HttpStatus.CREATED).body(document));
	}

	@PutMapping("/{id}")
	Mono<String> change(@PathVariable long id, @Valid @RequestBody TeamRequest request,
			@AuthenticationPrincipal StaffPrincipal admin) {
		TeamDefinition team = request.definition();
		Mono<String> changed = checked(team, id).then(this.roster.change(id, team))
			.switchIfEmpty(Mono.error(NoSuchTeamException::new))
			.flatMap((changedId) -> recorded(admin, "TEAM_CHANGED", changedId, team));
		return this.transactions.transactional(changed).onErrorMap(DuplicateKeyException.class, (taken) -> nameTaken());
	}

	/** Refuses, with every reason at once, a name in use and names of nothing known. */
	private Mono<Void> checked(TeamDefinition team, long id) {
		return Mono.zip(this.roster.nameTaken(team.name(), id), this.roster.unknownIn(team)).flatMap((found) -> {
			List<InvalidField> invalid = new ArrayList<>();
			if (team.name().isEmpty()) {
				invalid.add(new InvalidField("name", "team.name-required"));
			}
			if (found.getT1()) {
				invalid.add(new InvalidField("name", "team.name-taken"));
			}
			if (found.getT2().teamType()) {
				invalid.add(new InvalidField("teamType", "team.unknown-team-type", team.teamType()));
			}
			if (!found.getT2().quarters().isEmpty()) {
				invalid.add(new InvalidField("quarters", "team.unknown-quarter",
						String.join(", ", found.getT2().quarters())));
			}
			return invalid.isEmpty() ? Mono.empty() : Mono.error(new InvalidFieldsException(invalid));
		});
	}

	private Mono<String> recorded(StaffPrincipal admin, String action, long id, TeamDefinition team) {
		Map<String, Object> details = Map.of("team", id, "name", team.name(), "teamType", team.teamType(), "languages",
				team.languages(), "quarters", team.quarters(), "active", team.active());
		return this.audit.record("staff:" + admin.userId(), action, null, null, details)
			.then(this.events.teamChanged(BoardEventType.TEAM_CHANGED, id, "staff:" + admin.userId(), Map.of()))
			.then(this.roster.one(id));
	}

	private static InvalidFieldsException nameTaken() {
		return new InvalidFieldsException("name", "team.name-taken");
	}

	/**
	 * A team as administrators send it.
	 *
	 * @param name its name, unique among teams
	 * @param teamType the code of its team type
	 * @param languages the languages its members speak, of those the product offers; none
	 * when absent
	 * @param quarters the codes of the quarters it covers; none when absent
	 * @param active whether it works; false retires it (only once its assignments are
	 * done), true brings it back, off duty. Required: a switch left out retires nothing.
	 */
	record TeamRequest(@NotBlank @Size(max = 80) String name, @NotBlank @Size(max = 32) String teamType,
			@Nullable @Size(max = 8) List<@NotNull @Pattern(regexp = "de|en|ar|fa|tr|uk|ro|bg") String> languages,
			@Nullable @Size(max = 1000) List<@NotBlank @Size(max = 64) String> quarters, @NotNull Boolean active) {

		TeamDefinition definition() {
			return new TeamDefinition(TextNormalizer.oneLine(this.name), this.teamType,
					(this.languages != null) ? this.languages.stream().distinct().toList() : List.of(),
					(this.quarters != null) ? this.quarters.stream().distinct().sorted().toList() : List.of(),
					this.active);
		}

	}

	/** No team has this id. */
	static class NoSuchTeamException extends ProblemException {

		NoSuchTeamException() {
			super(HttpStatus.NOT_FOUND, "team-not-found");
		}

	}

}
