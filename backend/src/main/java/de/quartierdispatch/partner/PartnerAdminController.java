package de.quartierdispatch.partner;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.quartierdispatch.privacy.AuditLog;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.OpeningHours;
import de.quartierdispatch.system.ProblemException;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * Administrators keep the partner organisations, their services and which partner
 * accounts belong to which organisation. Accounts themselves (with the PARTNER role) are
 * made on the staff accounts page. Every change is in the audit trail.
 */
@RestController
@RequestMapping("/api/admin/partners")
class PartnerAdminController {

	private final PartnerOrganisations organisations;

	private final PartnerServices services;

	private final Directory directory;

	private final AuditLog audit;

	private final TransactionalOperator transactions;

	PartnerAdminController(PartnerOrganisations organisations, PartnerServices services, Directory directory,
			AuditLog audit, TransactionalOperator transactions) {
		this.organisations = organisations;
		this.services = services;
		this.directory = directory;
		this.audit = audit;
		this.transactions = transactions;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> overview() {
		return this.organisations.overview();
	}

	@GetMapping("/services")
	Flux<DirectoryEntry> services() {
		return this.directory.all();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Long>> create(@Valid @RequestBody OrganisationRequest organisation,
			@AuthenticationPrincipal StaffPrincipal admin) {
		Mono<Long> created = uniqueName(organisation, -1).then(this.organisations.insert(organisation))
			.flatMap((id) -> changed(admin, "PARTNER_ORGANISATION_CREATED", Map.of("organisation", id)).thenReturn(id));
		return this.transactions.transactional(created)
			.onErrorMap(DuplicateKeyException.class, (taken) -> nameTaken())
			.map((id) -> Map.of("id", id));
	}

	@PutMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> update(@PathVariable long id, @Valid @RequestBody OrganisationRequest organisation,
			@AuthenticationPrincipal StaffPrincipal admin) {
		Mono<Void> updated = uniqueName(organisation, id).then(this.organisations.update(id, organisation))
			.flatMap((count) -> (count == 0) ? Mono.error(new NoSuchOrganisationException())
					: changed(admin, "PARTNER_ORGANISATION_CHANGED", Map.of("organisation", id)));
		return this.transactions.transactional(updated).onErrorMap(DuplicateKeyException.class, (taken) -> nameTaken());
	}

	@PostMapping("/{id}/services")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Long>> addService(@PathVariable long id, @Valid @RequestBody ServiceRequest service,
			@AuthenticationPrincipal StaffPrincipal admin) {
		Mono<Long> created = checked(service).then(this.organisations.exists(id))
			.flatMap((exists) -> exists ? this.services.insert(id, service)
					: Mono.error(new NoSuchOrganisationException()))
			.flatMap((serviceId) -> changed(admin, "PARTNER_SERVICE_CREATED", Map.of("service", serviceId))
				.thenReturn(serviceId));
		return this.transactions.transactional(created).map((serviceId) -> Map.of("id", serviceId));
	}

	@PutMapping("/services/{serviceId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> updateService(@PathVariable long serviceId, @Valid @RequestBody ServiceRequest service,
			@AuthenticationPrincipal StaffPrincipal admin) {
		Mono<Void> updated = checked(service).then(this.services.update(serviceId, service))
			.flatMap((count) -> (count == 0) ? Mono.error(new NoSuchOrganisationException())
					: changed(admin, "PARTNER_SERVICE_CHANGED", Map.of("service", serviceId)));
		return this.transactions.transactional(updated);
	}

	@PutMapping("/members/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> bindMember(@PathVariable long userId, @RequestBody MemberRequest member,
			@AuthenticationPrincipal StaffPrincipal admin) {
		Long organisationId = member.organisationId();
		Mono<Void> bound = this.organisations.isPartnerAccount(userId)
			.switchIfEmpty(Mono.error(NoSuchAccountException::new))
			.flatMap((partner) -> partner ? Mono.just(true)
					: Mono.error(new InvalidFieldsException("userId", "partner.not-a-partner-account")))
			.flatMap(
					(partner) -> (organisationId != null) ? this.organisations.exists(organisationId) : Mono.just(true))
			.flatMap((exists) -> exists ? this.organisations.bindMember(userId, organisationId)
					: Mono.error(new InvalidFieldsException("organisationId", "partner.no-such-organisation")))
			.then(changed(admin, "PARTNER_MEMBER_CHANGED",
					Map.of("user", userId, "organisation", (organisationId != null) ? organisationId : "")));
		return this.transactions.transactional(bound);
	}

	/**
	 * Another organisation has the name, whatever the case (the database says so too).
	 */
	private Mono<Void> uniqueName(OrganisationRequest organisation, long id) {
		return this.organisations.nameTaken(organisation.name(), id)
			.flatMap((taken) -> taken ? Mono.error(nameTaken()) : Mono.empty());
	}

	private static InvalidFieldsException nameTaken() {
		return new InvalidFieldsException("name", "partner.name-taken");
	}

	/**
	 * Hours that can be read, and quarters that exist (a service nobody finds helps
	 * nobody).
	 */
	private Mono<Void> checked(ServiceRequest service) {
		if (!OpeningHours.valid(service.openingHours())) {
			return Mono.error(new InvalidFieldsException("openingHours", "partner.opening-hours"));
		}
		return this.services.unknownQuarters(service.quartersOrNone())
			.flatMap((unknown) -> unknown.isEmpty() ? Mono.<Void>empty() : Mono
				.error(new InvalidFieldsException("quarters", "partner.unknown-quarter", String.join(", ", unknown))));
	}

	private Mono<Void> changed(StaffPrincipal admin, String action, Map<String, ?> details) {
		return this.audit.record("staff:" + admin.userId(), action, null, null, details);
	}

	/**
	 * Which organisation a partner account belongs to.
	 *
	 * @param organisationId the organisation; {@code null} to unbind the account.
	 * Required: a body that left it out (or misspelt it) would unbind the account
	 * unnoticed
	 */
	record MemberRequest(@JsonProperty(required = true) @Nullable Long organisationId) {
	}

	/** No such organisation or service. */
	static class NoSuchOrganisationException extends ProblemException {

		NoSuchOrganisationException() {
			super(HttpStatus.NOT_FOUND, "partner-not-found");
		}

	}

	/** No staff account has this id. */
	static class NoSuchAccountException extends ProblemException {

		NoSuchAccountException() {
			super(HttpStatus.NOT_FOUND, "staff-not-found");
		}

	}

}
