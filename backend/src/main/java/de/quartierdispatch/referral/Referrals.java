package de.quartierdispatch.referral;

import java.time.OffsetDateTime;

import de.quartierdispatch.system.SqlParameters;
import de.quartierdispatch.system.TextNormalizer;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Referrals, their contact details and notes, as stored. Every change for a partner is
 * made only where the referral belongs to the partner's organisation and is in the state
 * the change starts from; zero rows changed means "not yours" or "not any more".
 */
@Repository
class Referrals {

	private static final String INSERT = """
			INSERT INTO referral (service_id, organisation_id, topic, need, language, consent_at, referred_by,
			                      contact_point_id, incident_id, quarter_id, created_at)
			VALUES (:service, :organisation, :topic, :need, :language, :consentAt, :referredBy, :contactPoint,
			        :incident, coalesce((SELECT quarter_id FROM incident WHERE id = :incident),
			                            (SELECT id FROM quarter WHERE code = :quarter)), :now)
			RETURNING id
			""";

	private final DatabaseClient db;

	Referrals(DatabaseClient db) {
		this.db = db;
	}

	Mono<Long> insert(NewReferral referral) {
		return this.db.sql(INSERT)
			.bind("service", referral.serviceId())
			.bind("organisation", referral.organisationId())
			.bind("topic", referral.topic())
			.bind("need", referral.need())
			.bind("language", referral.language())
			.bind("consentAt", SqlParameters.nullable(referral.consent() ? referral.at() : null, OffsetDateTime.class))
			.bind("referredBy", referral.referredBy())
			.bind("contactPoint", SqlParameters.nullable(referral.contactPointId(), Long.class))
			.bind("incident", SqlParameters.nullable(referral.incidentId(), Long.class))
			.bind("quarter", SqlParameters.nullable(referral.quarter(), String.class))
			.bind("now", referral.at())
			.map((row) -> row.get("id", Long.class))
			.one();
	}

	Mono<Void> insertContact(long referralId, ReferralRequest.Contact contact) {
		return this.db
			.sql("INSERT INTO referral_contact (referral_id, name, phone, email) VALUES (:id, :name, :phone, :email)")
			.bind("id", referralId)
			.bind("name", SqlParameters.nullable(trimmed(contact.name()), String.class))
			.bind("phone", SqlParameters.nullable(trimmed(contact.phone()), String.class))
			.bind("email", SqlParameters.nullable(trimmed(contact.email()), String.class))
			.then();
	}

	Mono<Long> accept(long id, long organisationId, OffsetDateTime now) {
		return this.db.sql("""
				UPDATE referral SET state = 'ACCEPTED', accepted_at = :now, version = version + 1
				WHERE id = :id AND organisation_id = :organisation AND state = 'OPEN'
				""").bind("id", id).bind("organisation", organisationId).bind("now", now).fetch().rowsUpdated();
	}

	Mono<Long> decline(long id, long organisationId, String reason, OffsetDateTime now) {
		return this.db
			.sql("""
					UPDATE referral SET state = 'DECLINED', decline_reason = :reason, closed_at = :now, version = version + 1
					WHERE id = :id AND organisation_id = :organisation AND state = 'OPEN'
					""")
			.bind("id", id)
			.bind("organisation", organisationId)
			.bind("reason", reason)
			.bind("now", now)
			.fetch()
			.rowsUpdated();
	}

	Mono<Long> recordOutcome(long id, long organisationId, Outcome outcome, @Nullable OffsetDateTime appointmentAt,
			@Nullable String redirectTo, @Nullable Integer version, OffsetDateTime now) {
		return this.db
			.sql("""
					UPDATE referral
					SET outcome = :outcome, appointment_at = coalesce(:appointmentAt, appointment_at), redirect_to = :redirectTo, outcome_at = :now,
					    state = CASE WHEN :closes THEN 'CLOSED' ELSE state END,
					    closed_at = CASE WHEN :closes THEN :now END, version = version + 1
					WHERE id = :id AND organisation_id = :organisation AND state = 'ACCEPTED'
					  AND (CAST(:version AS int) IS NULL OR version = :version)
					""")
			.bind("id", id)
			.bind("organisation", organisationId)
			.bind("version", SqlParameters.nullable(version, Integer.class))
			.bind("outcome", outcome.name())
			.bind("appointmentAt", SqlParameters.nullable(appointmentAt, OffsetDateTime.class))
			.bind("redirectTo", SqlParameters.nullable(redirectTo, String.class))
			.bind("closes", outcome.closes())
			.bind("now", now)
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Whether the referral already has this outcome, as recorded (a request sent again
	 * after a lost answer): an appointment by its time, a redirection by where to.
	 */
	Mono<Boolean> hasOutcome(long id, long organisationId, Outcome outcome, @Nullable OffsetDateTime appointmentAt,
			@Nullable String redirectTo) {
		return this.db.sql("""
				SELECT outcome = :outcome
				       AND (CAST(:appointmentAt AS timestamptz) IS NULL OR appointment_at = :appointmentAt)
				       AND redirect_to IS NOT DISTINCT FROM CAST(:redirectTo AS text) AS same
				FROM referral WHERE id = :id AND organisation_id = :organisation
				""")
			.bind("id", id)
			.bind("organisation", organisationId)
			.bind("outcome", outcome.name())
			.bind("appointmentAt", SqlParameters.nullable(appointmentAt, OffsetDateTime.class))
			.bind("redirectTo", SqlParameters.nullable(redirectTo, String.class))
			.map((row) -> Boolean.TRUE.equals(row.get("same", Boolean.class)))
			.one()
			.defaultIfEmpty(false);
	}

	/** Zero rows: not theirs, erased, or a note with this key is there already. */
	Mono<Long> addNote(long id, long organisationId, long author, String text, @Nullable String key,
			OffsetDateTime now) {
		return this.db.sql("""
				INSERT INTO referral_note (referral_id, organisation_id, author, text, created_at, idempotency_key)
				SELECT r.id, r.organisation_id, :author, :text, :now, :key FROM referral r
				WHERE r.id = :id AND r.organisation_id = :organisation AND r.redacted_at IS NULL
				ON CONFLICT (referral_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
				""")
			.bind("id", id)
			.bind("organisation", organisationId)
			.bind("author", author)
			.bind("text", text)
			.bind("key", SqlParameters.nullable(key, String.class))
			.bind("now", now)
			.fetch()
			.rowsUpdated();
	}

	/** The text of the organisation's note sent under this key, if there is one. */
	Mono<String> noteTextFor(long id, long organisationId, String key) {
		return this.db.sql("""
				SELECT text FROM referral_note
				WHERE referral_id = :id AND organisation_id = :organisation AND idempotency_key = :key
				""")
			.bind("id", id)
			.bind("organisation", organisationId)
			.bind("key", key)
			.map((row) -> row.get("text", String.class))
			.one();
	}

	/**
	 * The state of a referral of this organisation; empty when it is not one of theirs.
	 */
	Mono<String> stateFor(long id, long organisationId) {
		return this.db.sql("SELECT state FROM referral WHERE id = :id AND organisation_id = :organisation")
			.bind("id", id)
			.bind("organisation", organisationId)
			.map((row) -> row.get("state", String.class))
			.one();
	}

	/** Flags open referrals created before the cutoff; returns their ids. */
	Flux<Long> flagStale(OffsetDateTime cutoff, OffsetDateTime now) {
		return this.db.sql("""
				UPDATE referral SET stale_at = :now
				WHERE state = 'OPEN' AND stale_at IS NULL AND created_at <= :cutoff
				RETURNING id
				""").bind("cutoff", cutoff).bind("now", now).map((row) -> row.get("id", Long.class)).all();
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return TextNormalizer.cleanOrNull(value);
	}

	/**
	 * A referral to store.
	 *
	 * @param serviceId the service
	 * @param organisationId the service's organisation
	 * @param topic the service's topic
	 * @param need what is needed
	 * @param language the person's language
	 * @param consent consent to pass on contact details
	 * @param referredBy the account making it
	 * @param contactPointId the counter it was made at
	 * @param incidentId the incident it was made from
	 * @param quarter the person's quarter (code)
	 * @param at when
	 */
	record NewReferral(long serviceId, long organisationId, String topic, String need, String language, boolean consent,
			long referredBy, @Nullable Long contactPointId, @Nullable Long incidentId, @Nullable String quarter,
			OffsetDateTime at) {
	}

}
