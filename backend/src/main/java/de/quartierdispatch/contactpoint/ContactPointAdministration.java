package de.quartierdispatch.contactpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.quartierdispatch.geo.GeoPoint;
import de.quartierdispatch.geo.Quarters;
import de.quartierdispatch.privacy.AuditLog;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.InvalidFieldsException.InvalidField;
import de.quartierdispatch.system.OpeningHours;
import de.quartierdispatch.system.ProblemException;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
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
 * Administrators keep the contact points (Anlaufstellen): where residents can walk in,
 * when, in which languages. The public form lists them, counter staff enter reports at
 * them. A contact point lies in one of the city's quarters. One that closes is set
 * inactive, not deleted: reports and referrals name it. Every change is audited.
 */
@RestController
@RequestMapping(path = "/api/admin/contact-points", produces = MediaType.APPLICATION_JSON_VALUE)
class ContactPointAdministration {

	private final ContactPoints contactPoints;

	private final Quarters quarters;

	private final AuditLog audit;

	private final TransactionalOperator transactions;

	ContactPointAdministration(ContactPoints contactPoints, Quarters quarters, AuditLog audit,
			TransactionalOperator transactions) {
		this.contactPoints = contactPoints;
		this.quarters = quarters;
		this.audit = audit;
		this.transactions = transactions;
	}

	/** Every contact point, closed ones too. */
	@GetMapping
	Flux<ContactPoint> all() {
		return this.contactPoints.findAll();
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	Mono<ResponseEntity<ContactPoint>> create(@Valid @RequestBody ContactPointRequest request,
			@AuthenticationPrincipal StaffPrincipal admin) {
		ContactPointRequest cleaned = ContactPointTexts.cleaned(request);
		Mono<ContactPoint> created = checked(cleaned, -1).then(this.contactPoints.insert(cleaned))
			.flatMap((id) -> recorded(admin, "CONTACT_POINT_CREATED", id, cleaned));
		return this.transactions.transactional(created)
			.onErrorMap(DuplicateKeyException.class, (taken) -> nameTaken())
			.map((point) -> ResponseEntity.status(HttpStatus.CREATED).body(point));
	}

	@PutMapping("/{id}")
	Mono<ContactPoint> change(@PathVariable long id, @Valid @RequestBody ContactPointRequest request,
			@AuthenticationPrincipal StaffPrincipal admin) {
		ContactPointRequest cleaned = ContactPointTexts.cleaned(request);
		Mono<ContactPoint> changed = checked(cleaned, id).then(this.contactPoints.update(id, cleaned))
			.filter((count) -> count > 0)
			.switchIfEmpty(Mono.error(NoSuchContactPointException::new))
			.flatMap((count) -> recorded(admin, "CONTACT_POINT_CHANGED", id, cleaned));
		return this.transactions.transactional(changed).onErrorMap(DuplicateKeyException.class, (taken) -> nameTaken());
	}

	/** Refuses, with every reason at once, what the annotations cannot judge. */
	private Mono<Void> checked(ContactPointRequest request, long id) {
		Mono<Boolean> inTheCity = this.quarters.locate(new GeoPoint(request.lat(), request.lon())).hasElement();
		return Mono.zip(this.contactPoints.nameTaken(request.name(), id), inTheCity).flatMap((found) -> {
			List<InvalidField> invalid = new ArrayList<>(ContactPointTexts.emptyFields(request));
			if (found.getT1()) {
				invalid.add(new InvalidField("name", "contact-point.name-taken"));
			}
			if (!found.getT2()) {
				invalid.add(new InvalidField("lat", "contact-point.outside"));
			}
			if (!OpeningHours.valid(request.openingHours())) {
				invalid.add(new InvalidField("openingHours", "contact-point.opening-hours"));
			}
			return invalid.isEmpty() ? Mono.empty() : Mono.error(new InvalidFieldsException(invalid));
		});
	}

	private Mono<ContactPoint> recorded(StaffPrincipal admin, String action, long id, ContactPointRequest request) {
		return this.audit
			.record("staff:" + admin.userId(), action, null, null, Map.of("contactPoint", id, "name", request.name()))
			.then(this.contactPoints.find(id));
	}

	private static InvalidFieldsException nameTaken() {
		return new InvalidFieldsException("name", "contact-point.name-taken");
	}

	/** No contact point has this id. */
	static class NoSuchContactPointException extends ProblemException {

		NoSuchContactPointException() {
			super(HttpStatus.NOT_FOUND, "contact-point-not-found");
		}

	}

}
