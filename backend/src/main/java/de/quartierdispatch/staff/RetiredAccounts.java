package de.quartierdispatch.staff;

import java.util.Map;

import de.quartierdispatch.privacy.RetentionCutoffs;
import de.quartierdispatch.privacy.RetentionStep;
import de.quartierdispatch.security.SecondFactors;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Retention of staff accounts: one disabled and left untouched for the audit trail's
 * period (as long as the trail may still name its person) loses its name, username,
 * sign-in and second factor. The row stays, because reports, notes and referrals still
 * point at it; the administration no longer lists it.
 */
@Component
class RetiredAccounts implements RetentionStep {

	private static final String REMOVE = """
			UPDATE staff_user
			SET username = 'removed-' || id, display_name = '', password_hash = NULL, external_subject = NULL,
			    contact_point_id = NULL, team_id = NULL, quarter_scope = '{}', failed_logins = 0, locked_until = NULL,
			    removed_at = :now, updated_at = :now
			WHERE NOT enabled AND removed_at IS NULL AND updated_at <= :cutoff
			  -- a live account of that name (made by hand) must not fail the whole run
			  AND NOT EXISTS (SELECT 1 FROM staff_user taken WHERE taken.username = 'removed-' || staff_user.id)
			RETURNING id
			""";

	private final DatabaseClient db;

	private final SecondFactors secondFactors;

	RetiredAccounts(DatabaseClient db, SecondFactors secondFactors) {
		this.db = db;
		this.secondFactors = secondFactors;
	}

	@Override
	public Mono<Map<String, Long>> removeLapsed(RetentionCutoffs cutoffs) {
		// One after the other: the statements share the transaction's connection.
		return this.db.sql(REMOVE)
			.bind("now", cutoffs.nowUtc())
			.bind("cutoff", cutoffs.auditCutoff())
			.map((row) -> row.get("id", Long.class))
			.all()
			.concatMap((id) -> this.secondFactors.reset(id).thenReturn(id))
			.count()
			.map((removed) -> Map.of("accountsRemoved", removed));
	}

}
