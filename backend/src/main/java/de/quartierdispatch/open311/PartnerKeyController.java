package de.quartierdispatch.open311;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import de.quartierdispatch.open311.PartnerKeys.IssuedKey;
import de.quartierdispatch.open311.PartnerKeys.PartnerKey;
import de.quartierdispatch.privacy.AuditLog;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.system.TextNormalizer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators issue, name and revoke the keys of partner apps. Issuing and revoking
 * are audited; the key itself is in the answer to its issue and nowhere else.
 */
@RestController
@RequestMapping("/api/admin/open311/keys")
class PartnerKeyController {

	private static final int DEFAULT_REQUESTS_PER_HOUR = 600;

	private final PartnerKeys keys;

	private final AuditLog audit;

	private final Clock clock;

	PartnerKeyController(PartnerKeys keys, AuditLog audit, Clock clock) {
		this.keys = keys;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping
	Flux<PartnerKey> list() {
		return this.keys.findAll();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	Mono<IssuedKey> issue(@Valid @RequestBody NewKey request, @AuthenticationPrincipal StaffPrincipal admin) {
		int limit = (request.requestsPerHour() != null) ? request.requestsPerHour() : DEFAULT_REQUESTS_PER_HOUR;
		return this.keys
			.issue(TextNormalizer.oneLine(request.name()), limit, admin.username(), OffsetDateTime.now(this.clock))
			.onErrorMap(DataIntegrityViolationException.class, (taken) -> new PartnerNameTakenException())
			.flatMap((issued) -> this.audit
				.record(actor(admin), "OPEN311_KEY_ISSUED", null, null,
						Map.of("key", issued.details().id(), "name", issued.details().name(), "requestsPerHour", limit))
				.thenReturn(issued));
	}

	@DeleteMapping("/{id}")
	@Transactional
	Mono<PartnerKey> revoke(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal admin) {
		return this.keys.revoke(id, admin.username(), OffsetDateTime.now(this.clock))
			.switchIfEmpty(Mono.error(PartnerKeyNotFoundException::new))
			.flatMap((revoked) -> this.audit
				.record(actor(admin), "OPEN311_KEY_REVOKED", null, null,
						Map.of("key", revoked.id(), "name", revoked.name()))
				.thenReturn(revoked));
	}

	private static String actor(StaffPrincipal admin) {
		return "staff:" + admin.userId();
	}

	/**
	 * A key to issue.
	 *
	 * @param name the partner app's name, as the board shows it
	 * @param requestsPerHour the key's allowance (600 if not given)
	 */
	record NewKey(@NotBlank @Size(max = 100) String name, @Nullable @Min(1) @Max(100_000) Integer requestsPerHour) {
	}

	/** No active key has this id. */
	static class PartnerKeyNotFoundException extends ProblemException {

		PartnerKeyNotFoundException() {
			super(HttpStatus.NOT_FOUND, "partner-key-not-found");
		}

	}

	/** An active key already carries this name. */
	static class PartnerNameTakenException extends ProblemException {

		PartnerNameTakenException() {
			super(HttpStatus.CONFLICT, "partner-name-taken");
		}

	}

}
