package de.quartierdispatch.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import de.quartierdispatch.security.StaffSessions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The retention job: removes personal data whose purpose has lapsed, counted from the
 * moment an incident was closed. Contact details go first, descriptions, addresses and
 * notes later, and exact locations are coarsened to about 100 m at the same time; what
 * remains (category, quarter, times, channel, language, priority, outcome) keeps the
 * statistics whole without pointing at anyone.
 * <p>
 * One run is one transaction: it removes all of it or nothing. Instances take turns
 * through an advisory lock, and each step only touches what is still there, so running it
 * again, or on several instances at once, does no harm. Every run is written to the audit
 * log with its counts.
 */
@Service
public class Retention {

	/** About 100 m in latitude here (0.001°), about 70 m in longitude. */
	static final double COARSE_GRID_DEGREES = 0.001;

	private static final String TAKE_TURN = "SELECT pg_try_advisory_xact_lock(hashtextextended('quartier.retention', 0)) AS mine";

	private static final String ERASE_CONTACTS = """
			DELETE FROM reporter_contact c USING report r, incident i
			WHERE c.report_id = r.id AND r.incident_id = i.id
			  AND (i.closed_at <= :cutoff OR (i.closed_at IS NULL AND i.updated_at <= :abandoned))
			""";

	private static final String REDACT_REPORTS = """
			UPDATE report r
			SET description = '', address_label = NULL, location = ST_SnapToGrid(r.location, :grid), redacted_at = :now
			FROM incident i
			WHERE r.incident_id = i.id AND r.redacted_at IS NULL
			  AND (i.closed_at <= :cutoff OR (i.closed_at IS NULL AND i.updated_at <= :abandoned))
			""";

	// A case erased while still open (V117) takes notes until it closes: they go at the
	// first run after that.
	private static final String REDACT_NOTES = """
			WITH notes AS (
			    UPDATE incident_note n SET text = '', redacted_at = :now
			    FROM incident i
			    WHERE n.incident_id = i.id AND n.redacted_at IS NULL
			      AND (i.closed_at <= :cutoff OR (i.closed_at IS NULL AND i.updated_at <= :abandoned)
			           OR (i.redacted_at IS NOT NULL AND i.closed_at IS NOT NULL))
			    RETURNING 1
			), assignment_notes AS (
			    UPDATE assignment a SET note = NULL, decline_reason = NULL
			    FROM incident i
			    WHERE a.incident_id = i.id AND (a.note IS NOT NULL OR a.decline_reason IS NOT NULL)
			      AND (i.closed_at <= :cutoff OR (i.closed_at IS NULL AND i.updated_at <= :abandoned)
			           OR (i.redacted_at IS NOT NULL AND i.closed_at IS NOT NULL))
			    RETURNING 1
			)
			SELECT (SELECT count(*) FROM notes) + (SELECT count(*) FROM assignment_notes) AS count
			""";

	/** The places in their board events too (V132), should those be kept longer. */
	private static final String COARSEN_INCIDENTS = """
			WITH coarsened AS (
			    UPDATE incident
			    SET location = ST_SnapToGrid(location, :grid), referred_to = NULL, redacted_at = :now
			    WHERE redacted_at IS NULL AND (closed_at <= :cutoff OR (closed_at IS NULL AND updated_at <= :abandoned))
			    RETURNING id
			)
			SELECT count(*) AS count, forget_board_event_places(coalesce(array_agg(id), '{}'), :grid) AS events
			FROM coarsened
			""";

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final StaffSessions sessions;

	private final AuditLog audit;

	private final PrivacyProperties properties;

	private final Clock clock;

	private final List<RetentionStep> steps;

	Retention(DatabaseClient db, TransactionalOperator transactions, StaffSessions sessions, AuditLog audit,
			PrivacyProperties properties, Clock clock, List<RetentionStep> steps) {
		this.steps = steps;
		this.db = db;
		this.transactions = transactions;
		this.sessions = sessions;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Runs the job now.
	 * @param actor who started it, for the audit log ({@code system:retention} for the
	 * schedule)
	 */
	public Mono<RetentionReport> run(String actor) {
		Instant now = this.clock.instant();
		Mono<RetentionReport> work = this.db.sql(TAKE_TURN)
			.map((row) -> row.get("mine", Boolean.class))
			.one()
			.flatMap((mine) -> Boolean.TRUE.equals(mine) ? removeLapsed(now) : Mono.just(RetentionReport.skipped(now)))
			.flatMap((report) -> report.skipped() ? Mono.just(report)
					: this.audit.record(actor, "RETENTION_RUN", null, null, counts(report)).thenReturn(report));
		return this.transactions.transactional(work);
	}

	private Mono<RetentionReport> removeLapsed(Instant now) {
		RetentionCutoffs cutoffs = new RetentionCutoffs(now, now.minus(this.properties.contactRetention()),
				now.minus(this.properties.textRetention()), now.minus(this.properties.auditRetention()));
		OffsetDateTime at = cutoffs.nowUtc();
		// An incident never closed, untouched for the text period, is abandoned: all of
		// it lapses then, or it would be kept for ever.
		OffsetDateTime abandoned = cutoffs.textsCutoff();
		Map<String, Object> contacts = Map.of("cutoff", cutoffs.contactsCutoff(), "abandoned", abandoned);
		Map<String, Object> texts = Map.of("cutoff", cutoffs.textsCutoff(), "now", at, "abandoned", abandoned);
		Map<String, Object> coarsen = Map.of("cutoff", cutoffs.textsCutoff(), "now", at, "grid", COARSE_GRID_DEGREES,
				"abandoned", abandoned);
		Map<String, Object> boardEvents = Map.of("before", cutoffs.before(this.properties.boardEventRetention()));
		Map<String, Object> keys = Map.of("cutoff", cutoffs.before(this.properties.idempotencyRetention()));
		// One after the other: the statements share the transaction's connection.
		return Flux.concat(changed(ERASE_CONTACTS, contacts), changed(REDACT_REPORTS, coarsen),
				counted(REDACT_NOTES, texts), counted(COARSEN_INCIDENTS, coarsen),
				counted("SELECT prune_board_events(:before) AS count", boardEvents),
				changed("DELETE FROM idempotency_key WHERE created_at <= :cutoff", keys), this.sessions.deleteExpired())
			.collectList()
			.zipWith(furtherSteps(cutoffs))
			.map((counts) -> {
				List<Long> n = counts.getT1();
				return new RetentionReport(now, false, n.get(0), n.get(1), n.get(2), n.get(3), n.get(4), n.get(5),
						n.get(6), counts.getT2());
			});
	}

	/** What other features contribute, after the reports, in the same transaction. */
	private Mono<Map<String, Long>> furtherSteps(RetentionCutoffs cutoffs) {
		return Flux.fromIterable(this.steps)
			.concatMap((step) -> step.removeLapsed(cutoffs))
			.collect(TreeMap::new, Map::putAll);
	}

	private Mono<Long> changed(String sql, Map<String, Object> parameters) {
		return this.db.sql(sql).bindValues(parameters).fetch().rowsUpdated();
	}

	private Mono<Long> counted(String sql, Map<String, Object> parameters) {
		return this.db.sql(sql).bindValues(parameters).map((row) -> row.get("count", Long.class)).one();
	}

	private static Map<String, Object> counts(RetentionReport report) {
		Map<String, Object> counts = new TreeMap<>(report.further());
		counts.putAll(Map.of("contactsErased", report.contactsErased(), "reportsRedacted", report.reportsRedacted(),
				"notesRedacted", report.notesRedacted(), "incidentsCoarsened", report.incidentsCoarsened(),
				"boardEventsPruned", report.boardEventsPruned(), "idempotencyKeysDeleted",
				report.idempotencyKeysDeleted(), "sessionsDeleted", report.sessionsDeleted()));
		return counts;
	}

}
