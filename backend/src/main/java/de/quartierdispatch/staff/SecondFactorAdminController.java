package de.quartierdispatch.staff;

import java.util.Map;

import de.quartierdispatch.privacy.AuditLog;
import de.quartierdispatch.security.SecondFactors;
import de.quartierdispatch.security.SecondFactors.Overview;
import de.quartierdispatch.security.StaffPrincipal;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's second factor, for administrators: whether one is set up, and the reset when
 * a phone is lost (audited; the member's sessions end and they set up a new app at their
 * next sign-in).
 */
@RestController
@RequestMapping("/api/admin/users/{id}/second-factor")
class SecondFactorAdminController {

	private final SecondFactors secondFactors;

	private final AuditLog audit;

	private final TransactionalOperator transactions;

	SecondFactorAdminController(SecondFactors secondFactors, AuditLog audit, TransactionalOperator transactions) {
		this.secondFactors = secondFactors;
		this.audit = audit;
		this.transactions = transactions;
	}

	@GetMapping
	Mono<Overview> overview(@PathVariable long id) {
		return this.secondFactors.overview(id).switchIfEmpty(Mono.error(StaffProblems.NoSuchMemberException::new));
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> reset(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal admin) {
		if (id == admin.userId()) {
			return Mono.error(StaffProblems.OwnSecondFactorException::new);
		}
		Mono<Void> reset = this.secondFactors.overview(id)
			.switchIfEmpty(Mono.error(StaffProblems.NoSuchMemberException::new))
			.flatMap((before) -> this.secondFactors.reset(id))
			.flatMap((removed) -> this.audit.record("staff:" + admin.userId(), "USER_SECOND_FACTOR_RESET", null, null,
					Map.of("user", id, "removed", removed)));
		return this.transactions.transactional(reset);
	}

}
