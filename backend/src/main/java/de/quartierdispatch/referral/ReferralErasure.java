package de.quartierdispatch.referral;

import java.time.OffsetDateTime;
import java.util.Map;

import de.quartierdispatch.privacy.ErasureStep;
import de.quartierdispatch.system.SqlParameters;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * A resident's erasure request reaches the referrals made from their report's incident (a
 * lead referring the family to early help): the person's contact details, what was
 * needed, the partner's notes, the appointment and where to turn instead go, as retention
 * would remove them; topic, times and outcome remain for the statistics. A referral from
 * the incident may concern the reporter under another name, so none is kept, unless other
 * reporters keep the case: then only the referrals that carry the reporter's own e-mail
 * address or phone number go now, and the rest stays with the case until retention.
 */
@Component
class ReferralErasure implements ErasureStep {

	/** What an erasure's statement answers: how much of each it erased. */
	private static final String COUNTS = """
			SELECT (SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM notes) AS notes,
			       (SELECT count(*) FROM redacted) AS referrals
			""";

	/**
	 * The case: the incident with those merged into it and the one it follows up (V125,
	 * V138).
	 */
	private static final String OF_THE_CASE = "SELECT id FROM referral WHERE incident_id IN (SELECT case_incidents(:incident))";

	private static final String ALL_OF_THE_CASE = erasing(OF_THE_CASE) + COUNTS;

	private static final String THE_REPORTERS_OWN = erasing(OF_THE_CASE + """

			AND id IN (SELECT referral_id FROM referral_contact
			           WHERE lower(email) = lower(CAST(:email AS text))
			              OR comparable_phone(phone) = comparable_phone(CAST(:phone AS text)))""") + COUNTS;

	private final DatabaseClient db;

	ReferralErasure(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Map<String, Long>> erase(ErasedReport report, OffsetDateTime now) {
		DatabaseClient.GenericExecuteSpec erasure;
		if (!report.caseContinues()) {
			erasure = this.db.sql(ALL_OF_THE_CASE);
		}
		else if (report.email() != null || report.phone() != null) {
			// Made from a case other reporters keep: retention removes it with the case,
			// but where staff wrote down this reporter's own contact, it is theirs.
			erasure = this.db.sql(THE_REPORTERS_OWN)
				.bind("email", SqlParameters.nullable(report.email(), String.class))
				.bind("phone", SqlParameters.nullable(report.phone(), String.class));
		}
		else {
			return Mono.just(counts(0, 0, 0));
		}
		return erasure.bind("incident", report.incidentId())
			.bind("now", now)
			.map((row) -> counts(row.get("contacts", Long.class), row.get("notes", Long.class),
					row.get("referrals", Long.class)))
			.one();
	}

	/**
	 * The start of a statement that erases the referrals {@code selection} selects (their
	 * ids), as retention erases a closed one: the contact details, the need, the reasons,
	 * the appointment and the partners' notes; topic, times and outcome remain. It ends
	 * with the common table expressions {@code referrals (id)}, {@code contacts},
	 * {@code notes} and {@code redacted}, for the caller's SELECT to count.
	 */
	static String erasing(String selection) {
		return """
				WITH referrals AS (
				    %s
				), contacts AS (
				    DELETE FROM referral_contact WHERE referral_id IN (SELECT id FROM referrals) RETURNING 1
				), notes AS (
				    UPDATE referral_note SET text = '', redacted_at = :now
				    WHERE referral_id IN (SELECT id FROM referrals) AND redacted_at IS NULL
				    RETURNING 1
				), redacted AS (
				    UPDATE referral SET need = '', decline_reason = NULL, redirect_to = NULL, appointment_at = NULL,
				                        redacted_at = coalesce(redacted_at, :now)
				    WHERE id IN (SELECT id FROM referrals)
				    RETURNING 1
				)
				""".formatted(selection);
	}

	/** Named as retention names them, for the erasure's audit row. */
	private static Map<String, Long> counts(long contacts, long notes, long referrals) {
		return Map.of("referralContactsErased", contacts, "referralNotesRedacted", notes, "referralsRedacted",
				referrals);
	}

}
