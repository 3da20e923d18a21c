package de.quartierdispatch.referral;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import de.quartierdispatch.privacy.AuditLog;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.SqlParameters;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A person's rights over the referrals that carry their contact details (Art. 15, 17
 * GDPR, and a consent withdrawn: Art. 7 (3)). A referral made at the counter has no
 * report and no tracking code: the person is found by the e-mail address or phone number
 * given with consent, as staff wrote it down (phone numbers compared as digits, V122). A
 * referral without consent carries no contact details and names nobody to find.
 */
@Service
class ReferralSubjectRequests {

	private static final String MATCHING = """
			SELECT c.referral_id FROM referral_contact c
			WHERE lower(c.email) = lower(CAST(:email AS text))
			   OR comparable_phone(c.phone) = comparable_phone(CAST(:phone AS text))
			""";

	/**
	 * What the partner was told and did, and who read the contact details. The partner's
	 * sealed notes are counted, not shown: the organisation answers for its own notes.
	 */
	private static final String EXPORT = """
			SELECT jsonb_build_object('referrals', coalesce(jsonb_agg(jsonb_build_object(
			    'id', r.id, 'at', r.created_at, 'organisation', o.name, 'service', s.name, 'topic', r.topic,
			    'need', nullif(r.need, ''), 'language', r.language, 'consentAt', r.consent_at, 'state', r.state,
			    'outcome', r.outcome, 'appointmentAt', r.appointment_at, 'incidentId', r.incident_id,
			    'contact', jsonb_strip_nulls(jsonb_build_object('name', c.name, 'phone', c.phone, 'email', c.email)),
			    'partnerNotes', (SELECT count(*) FROM referral_note n WHERE n.referral_id = r.id AND n.redacted_at IS NULL),
			    'contactReadByPartner', (SELECT coalesce(jsonb_agg(a.at ORDER BY a.at), '[]') FROM audit_log a
			                             WHERE a.action = 'REFERRAL_CONTACT_READ' AND a.details ->> 'referral' = r.id::text))
			    ORDER BY r.created_at), '[]'), 'exportedAt', :now)::text AS document,
			    coalesce(array_agg(r.id ORDER BY r.id), '{}') AS ids
			FROM referral r
			JOIN referral_contact c ON c.referral_id = r.id
			JOIN partner_service s ON s.id = r.service_id
			JOIN partner_organisation o ON o.id = r.organisation_id
			WHERE r.id IN (%s)
			"""
		.formatted(MATCHING);

	/** As retention erases a closed referral, now: topic, times and outcome remain. */
	private static final String ERASE = ReferralErasure
		.erasing("SELECT id FROM referral WHERE id IN (" + MATCHING + ") FOR UPDATE") + """
				SELECT coalesce(array_agg(id ORDER BY id), '{}') AS ids, (SELECT count(*) FROM contacts) AS contacts,
				       (SELECT count(*) FROM notes) AS notes
				FROM referrals
				""";

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final AuditLog audit;

	private final Clock clock;

	ReferralSubjectRequests(DatabaseClient db, TransactionalOperator transactions, AuditLog audit, Clock clock) {
		this.db = db;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
	}

	/** The referrals as one JSON document; the export is on record with the request. */
	Mono<String> export(Subject subject, StaffPrincipal staff) {
		OffsetDateTime now = now();
		Mono<String> exported = bind(this.db.sql(EXPORT), subject).bind("now", now)
			.map((row) -> new Found(row.get("document", String.class), List.of(row.get("ids", Long[].class))))
			.one()
			.flatMap((found) -> this.audit
				.record(actor(staff), "DATA_EXPORTED", null, "DATA_SUBJECT_REQUEST",
						Map.of("request", subject.request(), "referrals", found.ids()))
				.thenReturn(found.document()));
		return this.transactions.transactional(exported);
	}

	/**
	 * Erases the person's contact details, the need and the notes of every referral
	 * found.
	 */
	Mono<Erased> erase(Subject subject, StaffPrincipal staff) {
		Mono<Erased> erased = bind(this.db.sql(ERASE), subject).bind("now", now())
			.map((row) -> new Erased(List.of(row.get("ids", Long[].class)), row.get("contacts", Long.class),
					row.get("notes", Long.class)))
			.one()
			.flatMap((counts) -> this.audit
				.record(actor(staff), "DATA_ERASED", null, "DATA_SUBJECT_REQUEST",
						Map.of("request", subject.request(), "referrals", counts.referrals(), "referralContactsErased",
								counts.contactsErased(), "referralNotesRedacted", counts.notesRedacted()))
				.thenReturn(counts));
		return this.transactions.transactional(erased);
	}

	private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Subject subject) {
		return spec.bind("email", SqlParameters.nullable(subject.email(), String.class))
			.bind("phone", SqlParameters.nullable(subject.phone(), String.class));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private static String actor(StaffPrincipal staff) {
		return "staff:" + staff.userId();
	}

	/**
	 * Whose referrals: an e-mail address, a phone number, or both.
	 *
	 * @param email as the person gives it
	 * @param phone in any usual writing
	 * @param request the request being answered (date, reference), for the audit log
	 */
	record Subject(@Nullable String email, @Nullable String phone, String request) {

		@Override
		public String toString() {
			// Contact details stay out of logs, whoever prints this.
			return "Subject[request=" + this.request + "]";
		}

	}

	private record Found(String document, List<Long> ids) {
	}

	/**
	 * What an erasure did.
	 *
	 * @param referrals the referrals found (ids)
	 * @param contactsErased contact details erased
	 * @param notesRedacted partners' notes erased
	 */
	public record Erased(List<Long> referrals, long contactsErased, long notesRedacted) {
	}

}
