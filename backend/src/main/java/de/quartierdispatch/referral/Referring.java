package de.quartierdispatch.referral;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import de.quartierdispatch.partner.Directory;
import de.quartierdispatch.partner.DirectoryEntry;
import de.quartierdispatch.privacy.AuditLog;
import de.quartierdispatch.referral.ReferralProblems.NoSuchIncidentException;
import de.quartierdispatch.referral.ReferralProblems.OutsideScopeException;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.TextNormalizer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Making a referral, at the counter or from an incident. Contact details go to the
 * partner only with the person's consent: a referral without consent that carries contact
 * details is refused (there is no "refer anyway"); without consent the referral is
 * anonymous and the person takes the service's hand-out.
 */
@Service
class Referring {

	private final Referrals referrals;

	private final ReferralQueries queries;

	private final Directory directory;

	private final AuditLog audit;

	private final TransactionalOperator transactions;

	private final Clock clock;

	Referring(Referrals referrals, ReferralQueries queries, Directory directory, AuditLog audit,
			TransactionalOperator transactions, Clock clock) {
		this.referrals = referrals;
		this.queries = queries;
		this.directory = directory;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A referral from the counter (or a team lead without an incident). */
	Mono<Long> refer(ReferralRequest request, StaffPrincipal staff) {
		return create(request, staff, null);
	}

	/** A referral from an incident, by a team lead who sees the incident's quarter. */
	Mono<Long> referFromIncident(long incidentId, ReferralRequest request, StaffPrincipal lead) {
		return this.queries.incident(incidentId)
			.switchIfEmpty(Mono.error(NoSuchIncidentException::new))
			.flatMap((place) -> lead.seesQuarter(place.quarterId()) ? create(request, lead, incidentId)
					: Mono.error(new OutsideScopeException()));
	}

	private Mono<Long> create(ReferralRequest request, StaffPrincipal staff, @Nullable Long incidentId) {
		ReferralRequest.Contact contact = request.contact();
		if (!request.consent() && request.hasContact()) {
			return Mono.error(new InvalidFieldsException("consent", "referral.contact-without-consent"));
		}
		if (request.consent() && (contact == null || !contact.reachable())) {
			return Mono.error(new InvalidFieldsException("contact", "referral.contact-required"));
		}
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		Mono<Long> stored = knownQuarter(request.quarter()).then(activeService(request.serviceId()))
			.map((service) -> new Referrals.NewReferral(service.id(), service.organisationId(), service.topic().name(),
					TextNormalizer.clean(request.need()), request.language(), request.consent(), staff.userId(),
					(incidentId != null) ? null : staff.contactPointId(), incidentId, blankToNull(request.quarter()),
					now))
			.flatMap(this.referrals::insert)
			.flatMap((id) -> (contact != null && request.consent())
					? this.referrals.insertContact(id, contact).thenReturn(id) : Mono.just(id))
			.flatMap((id) -> this.audit
				.record("staff:" + staff.userId(), "REFERRAL_CREATED", null, null,
						Map.of("referral", id, "withContact", request.consent()))
				.thenReturn(id));
		return this.transactions.transactional(stored);
	}

	private Mono<DirectoryEntry> activeService(long serviceId) {
		return this.directory.service(serviceId)
			.filter(DirectoryEntry::active)
			.switchIfEmpty(Mono.error(() -> new InvalidFieldsException("serviceId", "referral.no-such-service")));
	}

	/**
	 * A quarter named that does not exist is refused: dropped silently, the referral
	 * would be missing from the quarter's figures without anyone knowing.
	 */
	private Mono<Void> knownQuarter(@Nullable String quarter) {
		String code = blankToNull(quarter);
		if (code == null) {
			return Mono.empty();
		}
		return this.queries.isQuarter(code)
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(() -> new InvalidFieldsException("quarter", "referral.no-such-quarter")))
			.then();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
