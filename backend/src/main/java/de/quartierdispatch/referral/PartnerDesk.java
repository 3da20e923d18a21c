package de.quartierdispatch.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import de.quartierdispatch.partner.PartnerMembers;
import de.quartierdispatch.privacy.AuditLog;
import de.quartierdispatch.referral.ReferralProblems.ChangedMeanwhileException;
import de.quartierdispatch.referral.ReferralProblems.NotFoundException;
import de.quartierdispatch.referral.ReferralProblems.NoteKeyReusedException;
import de.quartierdispatch.referral.ReferralProblems.StateConflictException;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.TextNormalizer;
import de.quartierdispatch.system.Timestamps;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The partner's side: the referrals to the member's own organisation, and nothing else;
 * accepting or declining them, recording the outcome, and sealed notes. Reading a
 * referral that carries contact details writes an audit row in the same transaction,
 * before anything is returned.
 */
@Service
class PartnerDesk {

	/** Where "today" is for an appointment: the city's. */
	private static final ZoneId CITY_TIME = ZoneId.of("Europe/Berlin");

	private final PartnerMembers members;

	private final Referrals referrals;

	private final ReferralQueries queries;

	private final AuditLog audit;

	private final Clock clock;

	PartnerDesk(PartnerMembers members, Referrals referrals, ReferralQueries queries, AuditLog audit, Clock clock) {
		this.members = members;
		this.referrals = referrals;
		this.queries = queries;
		this.audit = audit;
		this.clock = clock;
	}

	Mono<String> list(StaffPrincipal member) {
		return this.members.organisationOf(member).flatMap(this.queries::forPartner);
	}

	Mono<String> detail(long id, StaffPrincipal member) {
		// No transaction: a refused attempt stays in the audit trail; an allowed read
		// returns nothing unless its audit row was written.
		return this.members.organisationOf(member)
			.flatMap((organisation) -> this.queries.partnerDetail(id, organisation)
				.switchIfEmpty(Mono.defer(() -> refused(id, member))))
			.flatMap((detail) -> detail.hasContact() ? this.audit
				.record(actor(member), "REFERRAL_CONTACT_READ", null, "PARTNER_FOLLOW_UP", Map.of("referral", id))
				.thenReturn(detail.document()) : Mono.just(detail.document()));
	}

	Mono<Void> accept(long id, StaffPrincipal member) {
		return change(id, "OPEN", member, (organisation, now) -> this.referrals.accept(id, organisation, now));
	}

	Mono<Void> decline(long id, String reason, StaffPrincipal member) {
		return change(id, "OPEN", member, (organisation, now) -> this.referrals.decline(id, organisation, reason, now));
	}

	Mono<Void> recordOutcome(long id, OutcomeRequest request, StaffPrincipal member) {
		if (request.outcome() == Outcome.APPOINTMENT && request.appointmentAt() == null) {
			return Mono.error(new InvalidFieldsException("appointmentAt", "referral.appointment-required"));
		}
		String redirectTo = (request.outcome() == Outcome.NOT_RESPONSIBLE)
				? TextNormalizer.cleanOrNull(request.redirectTo()) : null;
		if (request.outcome() == Outcome.NOT_RESPONSIBLE && redirectTo == null) {
			return Mono.error(new InvalidFieldsException("redirectTo", "referral.redirect-required"));
		}
		OffsetDateTime appointmentAt = (request.outcome() == Outcome.APPOINTMENT)
				? Timestamps.checked("appointmentAt", request.appointmentAt()) : null;
		if (appointmentAt != null && appointmentAt.isBefore(startOfToday())) {
			// An appointment made is one still to come (today counts: it may have been
			// made by phone this morning and be entered now); one that took place is
			// "help given".
			return Mono.error(new InvalidFieldsException("appointmentAt", "referral.appointment-past"));
		}
		return change(id, "ACCEPTED", member,
				(organisation, now) -> this.referrals.recordOutcome(id, organisation, request.outcome(), appointmentAt,
						redirectTo, request.version(), now))
			// The same outcome sent again after a lost answer: recorded already, not a
			// conflict.
			.onErrorResume(
					(failure) -> failure instanceof ChangedMeanwhileException
							|| failure instanceof StateConflictException,
					(conflict) -> this.members.organisationOf(member)
						.flatMap((organisation) -> this.referrals.hasOutcome(id, organisation, request.outcome(),
								appointmentAt, redirectTo))
						.flatMap((same) -> same ? Mono.<Void>empty() : Mono.<Void>error(conflict)));
	}

	/**
	 * A note; one sent again under the same key (after a lost answer) is the note stored
	 * the first time.
	 */
	Mono<Void> addNote(long id, String text, @Nullable String key, StaffPrincipal member) {
		String note = TextNormalizer.clean(text);
		return this.members.organisationOf(member)
			.flatMap((organisation) -> this.referrals.addNote(id, organisation, member.userId(), note, key, now())
				.flatMap((added) -> (added > 0) ? Mono.<Void>empty() : sentBefore(id, organisation, key, note)
					.switchIfEmpty(Mono.defer(() -> this.referrals.stateFor(id, organisation)
						.flatMap((state) -> Mono.<Boolean>error(new NotFoundException()))
						.switchIfEmpty(Mono.defer(() -> refused(id, member)))))
					.then()));
	}

	private Mono<Boolean> sentBefore(long id, long organisation, @Nullable String key, String note) {
		if (key == null) {
			return Mono.empty();
		}
		return this.referrals.noteTextFor(id, organisation, key)
			.flatMap((stored) -> stored.equals(note) ? Mono.just(true) : Mono.error(new NoteKeyReusedException()));
	}

	/**
	 * A change from the given state. Nothing changed while the referral is still in that
	 * state means the member's version was an old one.
	 */
	private Mono<Void> change(long id, String from, StaffPrincipal member, Change change) {
		return this.members.organisationOf(member)
			.flatMap((organisation) -> change.apply(organisation, now())
				.flatMap((changed) -> (changed > 0) ? Mono.<Void>empty() : this.referrals.stateFor(id, organisation)
					.flatMap((state) -> Mono.<Void>error(
							state.equals(from) ? new ChangedMeanwhileException() : new StateConflictException(state)))
					// Another organisation's referral: refused as unknown, and on
					// record.
					.switchIfEmpty(Mono.defer(() -> refused(id, member)))));
	}

	private <T> Mono<T> refused(long id, StaffPrincipal member) {
		return this.audit.record(actor(member), "REFERRAL_READ_REFUSED", null, null, Map.of("referral", id))
			.then(Mono.error(new NotFoundException()));
	}

	private OffsetDateTime startOfToday() {
		return LocalDate.ofInstant(this.clock.instant(), CITY_TIME).atStartOfDay(CITY_TIME).toOffsetDateTime();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private static String actor(StaffPrincipal member) {
		return "staff:" + member.userId();
	}

	@FunctionalInterface
	private interface Change {

		Mono<Long> apply(long organisation, OffsetDateTime now);

	}

}
