package de.quartierdispatch.staff;

import java.util.Map;

import de.quartierdispatch.privacy.AuditLog;
import de.quartierdispatch.routing.HighRiskCover;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.team.TeamTypes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What administrators set per team type for the field: how long a team on site may go
 * without checking in (lone-worker safety), and whether the team type works voluntarily
 * (street work, outreach: assignments are offers, declined without a reason). Every
 * change is in the audit trail, in the same transaction.
 */
@RestController
class TeamTypeSettings {

	private final TeamTypes rows;

	private final AuditLog audit;

	private final TransactionalOperator transactions;

	private final HighRiskCover highRisk;

	TeamTypeSettings(TeamTypes rows, AuditLog audit, TransactionalOperator transactions, HighRiskCover highRisk) {
		this.rows = rows;
		this.audit = audit;
		this.transactions = transactions;
		this.highRisk = highRisk;
	}

	@GetMapping(path = "/api/admin/team-types", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> list() {
		return this.rows.all();
	}

	@PutMapping(path = "/api/admin/team-types/{code}/field-settings", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> change(@PathVariable String code, @Valid @RequestBody FieldSettings settings,
			@AuthenticationPrincipal StaffPrincipal admin) {
		return this.transactions.transactional(this.rows.change(code, settings.checkInMinutes(), settings.voluntary())
			.switchIfEmpty(Mono.error(UnknownTeamTypeException::new))
			.flatMap((changed) -> stillCovered(settings).thenReturn(changed))
			.flatMap((changed) -> this.audit
				.record("staff:" + admin.userId(), "TEAM_TYPE_CHANGED", null, null, Map.of("teamType", code,
						"checkInMinutes", settings.checkInMinutes(), "voluntary", settings.voluntary()))
				.thenReturn(changed)));
	}

	/**
	 * A team type that becomes voluntary must not leave aggression and threats to
	 * voluntary team types alone (checked after the change, in its transaction).
	 */
	private Mono<Void> stillCovered(FieldSettings settings) {
		if (!settings.voluntary()) {
			return Mono.empty();
		}
		return this.highRisk.firstUncoveredRule()
			.flatMap((rule) -> Mono.error(new InvalidFieldsException("voluntary", "team-type.high-risk-rule", rule)));
	}

	/**
	 * A team type's field settings.
	 *
	 * @param checkInMinutes minutes on site between check-ins, 5 to 240
	 * @param voluntary whether its assignments are offers
	 */
	record FieldSettings(@Min(5) @Max(240) int checkInMinutes, boolean voluntary) {
	}

	/** No team type has this code. */
	static class UnknownTeamTypeException extends ProblemException {

		UnknownTeamTypeException() {
			super(HttpStatus.NOT_FOUND, "unknown-team-type");
		}

	}

}
