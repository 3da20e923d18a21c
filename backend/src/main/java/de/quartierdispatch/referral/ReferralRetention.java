package de.quartierdispatch.referral;

import java.time.OffsetDateTime;
import java.util.Map;

import de.quartierdispatch.privacy.RetentionCutoffs;
import de.quartierdispatch.privacy.RetentionStep;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Retention of referrals, like that of reports, counted from the day a referral was
 * closed (declined, or a final outcome recorded): the person's contact details after the
 * contact period, what was needed, the partner's sealed notes, a decline reason, the
 * appointment and where to turn instead after the text period. A referral never closed
 * (never answered, or an appointment whose outcome never came) lapses as a whole after
 * the text period counted from its last step. Topic, quarter, times, language and outcome
 * remain for the statistics.
 */
@Component
class ReferralRetention implements RetentionStep {

	private static final String ERASE_CONTACTS = """
			DELETE FROM referral_contact c USING referral r
			WHERE c.referral_id = r.id
			  AND (r.closed_at <= :cutoff
			       OR (r.closed_at IS NULL AND greatest(r.created_at, r.accepted_at, r.outcome_at) <= :abandoned))
			""";

	private static final String REDACT_NOTES = """
			UPDATE referral_note n SET text = '', redacted_at = :now
			FROM referral r
			WHERE n.referral_id = r.id AND n.redacted_at IS NULL
			  AND (r.closed_at <= :cutoff
			       OR (r.closed_at IS NULL AND greatest(r.created_at, r.accepted_at, r.outcome_at) <= :cutoff))
			""";

	private static final String REDACT_REFERRALS = """
			UPDATE referral SET need = '', decline_reason = NULL, redirect_to = NULL, appointment_at = NULL,
			                    redacted_at = :now
			WHERE redacted_at IS NULL
			  AND (closed_at <= :cutoff
			       OR (closed_at IS NULL AND greatest(created_at, accepted_at, outcome_at) <= :cutoff))
			""";

	private final DatabaseClient db;

	ReferralRetention(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Mono<Map<String, Long>> removeLapsed(RetentionCutoffs cutoffs) {
		OffsetDateTime at = cutoffs.nowUtc();
		OffsetDateTime contactCutoff = cutoffs.contactsCutoff();
		OffsetDateTime textCutoff = cutoffs.textsCutoff();
		Mono<Long> contacts = this.db.sql(ERASE_CONTACTS)
			.bind("cutoff", contactCutoff)
			.bind("abandoned", textCutoff)
			.fetch()
			.rowsUpdated();
		Mono<Long> notes = this.db.sql(REDACT_NOTES).bind("cutoff", textCutoff).bind("now", at).fetch().rowsUpdated();
		Mono<Long> referrals = this.db.sql(REDACT_REFERRALS)
			.bind("cutoff", textCutoff)
			.bind("now", at)
			.fetch()
			.rowsUpdated();
		// One after the other: the statements share the transaction's connection.
		return contacts.flatMap((erased) -> notes
			.flatMap((redactedNotes) -> referrals.map((redacted) -> Map.of("referralContactsErased", erased,
					"referralNotesRedacted", redactedNotes, "referralsRedacted", redacted))));
	}

}
