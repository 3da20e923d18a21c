package de.quartierdispatch.privacy;

import java.time.Instant;
import java.util.Map;

/**
 * What one run of the retention job did. A second run right after finds nothing left to
 * do: every count is zero.
 *
 * @param ranAt when the run started (the job's clock)
 * @param skipped the run found another instance's run in progress and left it the work
 * @param contactsErased reporters' contact details deleted
 * @param reportsRedacted reports whose description and address were removed and whose
 * location was coarsened
 * @param notesRedacted notes on incidents and assignments whose text was removed
 * @param incidentsCoarsened incidents whose location was coarsened
 * @param boardEventsPruned board events deleted
 * @param idempotencyKeysDeleted stored answers to submissions deleted
 * @param sessionsDeleted expired staff sessions deleted
 * @param further what other features' steps removed (e.g. referrals), by name
 */
record RetentionReport(Instant ranAt, boolean skipped, long contactsErased, long reportsRedacted, long notesRedacted,
		long incidentsCoarsened, long boardEventsPruned, long idempotencyKeysDeleted, long sessionsDeleted,
		Map<String, Long> further) {

	static RetentionReport skipped(Instant ranAt) {
		return new RetentionReport(ranAt, true, 0, 0, 0, 0, 0, 0, 0, Map.of());
	}

}
