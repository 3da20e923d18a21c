package de.quartierdispatch.referral;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * What referrers and partners read about referrals, assembled as JSON by PostgreSQL. The
 * referrer's view has the status and outcome but never the partner's notes or the
 * person's contact details; the partner's view has only its own organisation's referrals,
 * and the notes only of its own organisation.
 */
@Repository
class ReferralQueries {

	private static final String REFERRER_VIEW = """
			jsonb_build_object('id', r.id, 'serviceId', r.service_id, 'service', s.name, 'organisation', o.name,
			    'topic', r.topic, 'language', r.language, 'need', CASE WHEN r.redacted_at IS NULL THEN r.need END,
			    'consent', r.consent_at IS NOT NULL, 'state', r.state, 'outcome', r.outcome,
			    'appointmentAt', r.appointment_at, 'redirectTo', r.redirect_to, 'declineReason', r.decline_reason,
			    'createdAt', r.created_at, 'acceptedAt', r.accepted_at, 'outcomeAt', r.outcome_at,
			    'stale', r.state = 'OPEN' AND r.stale_at IS NOT NULL, 'incidentId', r.incident_id,
			    'referredBy', staff_name('staff:' || r.referred_by))
			""";

	private static final String FROM = """
			FROM referral r
			JOIN partner_service s ON s.id = r.service_id
			JOIN partner_organisation o ON o.id = r.organisation_id
			""";

	private static final String FOR_REFERRER = "SELECT coalesce(jsonb_agg(" + REFERRER_VIEW
			+ " ORDER BY (r.state = 'OPEN' AND r.stale_at IS NOT NULL) DESC, r.created_at DESC), '[]')::text AS list "
			+ "FROM (SELECT * FROM referral WHERE referred_by = :user OR contact_point_id = :contactPoint "
			+ "ORDER BY state IN ('OPEN', 'ACCEPTED') DESC, created_at DESC LIMIT 200) r "
			+ "JOIN partner_service s ON s.id = r.service_id JOIN partner_organisation o ON o.id = r.organisation_id";

	private static final String FOR_INCIDENT = "SELECT coalesce(jsonb_agg(" + REFERRER_VIEW
			+ " ORDER BY r.created_at), '[]')::text AS list " + FROM + " WHERE r.incident_id = :incident";

	private static final String PARTNER_VIEW = """
			jsonb_build_object('id', r.id, 'serviceId', r.service_id, 'service', s.name, 'topic', r.topic,
			    'language', r.language, 'need', CASE WHEN r.redacted_at IS NULL THEN r.need END,
			    'consent', r.consent_at IS NOT NULL,
			    'hasContact', EXISTS (SELECT 1 FROM referral_contact c
			                          WHERE c.referral_id = r.id AND r.state IN ('OPEN', 'ACCEPTED')),
			    'contactWithdrawn', EXISTS (SELECT 1 FROM referral_contact c
			                          WHERE c.referral_id = r.id AND r.state NOT IN ('OPEN', 'ACCEPTED')),
			    -- given with consent, then erased: at the person's request or by retention
			    'contactErased', r.consent_at IS NOT NULL AND r.redacted_at IS NOT NULL,
			    'state', r.state, 'outcome', r.outcome, 'appointmentAt', r.appointment_at,
			    'redirectTo', r.redirect_to, 'declineReason', r.decline_reason, 'createdAt', r.created_at,
			    'acceptedAt', r.accepted_at, 'outcomeAt', r.outcome_at, 'version', r.version,
			    'referredFrom', (SELECT cp.name FROM contact_point cp WHERE cp.id = r.contact_point_id),
			    'fromIncident', r.incident_id IS NOT NULL)
			""";

	private static final String FOR_PARTNER = "SELECT coalesce(jsonb_agg(" + PARTNER_VIEW
			+ " ORDER BY r.state = 'OPEN' DESC, r.created_at DESC), '[]')::text AS list "
			+ "FROM (SELECT * FROM referral WHERE organisation_id = :organisation "
			+ "ORDER BY state IN ('OPEN', 'ACCEPTED') DESC, created_at DESC LIMIT 500) r "
			+ "JOIN partner_service s ON s.id = r.service_id";

	private static final String PARTNER_DETAIL = "SELECT (" + PARTNER_VIEW + """
			 || jsonb_build_object(
			        'contact', (SELECT jsonb_build_object('name', c.name, 'phone', c.phone, 'email', c.email)
			                    FROM referral_contact c WHERE c.referral_id = r.id AND r.state IN ('OPEN', 'ACCEPTED')),
			        'notes', (SELECT coalesce(jsonb_agg(jsonb_build_object(
			                      'id', n.id, 'author', staff_name('staff:' || n.author),
			                      'text', CASE WHEN n.redacted_at IS NULL THEN n.text END, 'at', n.created_at)
			                      ORDER BY n.created_at), '[]')
			                  FROM referral_note n WHERE n.referral_id = r.id AND n.organisation_id = :organisation))
			)::text AS document,
			EXISTS (SELECT 1 FROM referral_contact c WHERE c.referral_id = r.id AND r.state IN ('OPEN', 'ACCEPTED'))
			    AS has_contact
			FROM referral r JOIN partner_service s ON s.id = r.service_id
			WHERE r.id = :id AND r.organisation_id = :organisation
			""";

	private final DatabaseClient db;

	ReferralQueries(DatabaseClient db) {
		this.db = db;
	}

	Mono<String> forReferrer(long userId, @Nullable Long contactPointId) {
		return this.db.sql(FOR_REFERRER)
			.bind("user", userId)
			.bind("contactPoint", (contactPointId != null) ? contactPointId : -1L)
			.map((row) -> row.get("list", String.class))
			.one();
	}

	Mono<String> forIncident(long incidentId) {
		return this.db.sql(FOR_INCIDENT).bind("incident", incidentId).map((row) -> row.get("list", String.class)).one();
	}

	Mono<String> forPartner(long organisationId) {
		return this.db.sql(FOR_PARTNER)
			.bind("organisation", organisationId)
			.map((row) -> row.get("list", String.class))
			.one();
	}

	/**
	 * One referral of the organisation, with the organisation's notes, and with contact
	 * details while the partner can still act on it (open or accepted): a partner that
	 * declined or closed it has no purpose left to reach the person.
	 */
	Mono<PartnerDetail> partnerDetail(long id, long organisationId) {
		return this.db.sql(PARTNER_DETAIL)
			.bind("id", id)
			.bind("organisation", organisationId)
			.map((row) -> new PartnerDetail(row.get("document", String.class),
					Boolean.TRUE.equals(row.get("has_contact", Boolean.class))))
			.one();
	}

	/**
	 * The incident's quarter, for the team lead's scope; empty when there is no such
	 * incident.
	 */
	Mono<IncidentPlace> incident(long incidentId) {
		return this.db.sql("SELECT quarter_id FROM incident WHERE id = :id")
			.bind("id", incidentId)
			.map((row) -> new IncidentPlace(row.get("quarter_id", Long.class)))
			.one();
	}

	/** Whether a quarter has this code. */
	Mono<Boolean> isQuarter(String code) {
		return this.db.sql("SELECT EXISTS (SELECT 1 FROM quarter WHERE code = :code) AS known")
			.bind("code", code)
			.map((row) -> row.get("known", Boolean.class))
			.one();
	}

	/**
	 * The partner's picture of one referral.
	 *
	 * @param document JSON
	 * @param hasContact it carries the person's contact details
	 */
	record PartnerDetail(String document, boolean hasContact) {
	}

	/**
	 * Where an incident lies.
	 *
	 * @param quarterId its quarter, if any
	 */
	record IncidentPlace(@Nullable Long quarterId) {
	}

}
