package de.quartierdispatch.privacy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import de.quartierdispatch.intake.TrackingCodes;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.ProblemException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A resident's rights over their report (DSGVO Art. 15 and 17): everything stored about
 * it, as one document, or its erasure ahead of the retention schedule. The resident
 * identifies the report by its tracking code. Both are recorded in the audit log with the
 * request they answer, in the same transaction.
 */
@Service
class DataSubjectRequests {

	private static final String EXPORT = """
			SELECT r.id, jsonb_build_object(
			    'trackingCode', r.tracking_code,
			    'submittedAt', r.submitted_at,
			    'channel', r.channel,
			    'category', r.category_code,
			    'language', r.language,
			    'description', r.description,
			    'address', r.address_label,
			    'location', jsonb_build_object('lat', round(ST_Y(r.location)::numeric, 6),
			                                   'lon', round(ST_X(r.location)::numeric, 6)),
			    'quarter', q.name,
			    'flags', to_jsonb(r.flags),
			    'interpreterNeeded', r.interpreter_needed,
			    'contact', CASE WHEN c.report_id IS NULL THEN NULL
			                    ELSE jsonb_build_object('name', c.name, 'email', c.email, 'phone', c.phone,
			                                            'consentAt', c.consent_at) END,
			    'incident', jsonb_build_object('state', i.state, 'outcome', i.outcome, 'closedAt', i.closed_at),
			    'redactedAt', r.redacted_at,
			    'exportedAt', :now)::text AS document
			FROM report r
			JOIN incident i ON i.id = r.incident_id
			LEFT JOIN quarter q ON q.id = r.quarter_id
			LEFT JOIN reporter_contact c ON c.report_id = r.id
			WHERE r.tracking_code = :code
			""";

	private static final String ERASE = """
			WITH target AS (
			    SELECT id FROM report WHERE tracking_code = :code FOR UPDATE
			), contact AS (
			    DELETE FROM reporter_contact WHERE report_id IN (SELECT id FROM target) RETURNING 1
			), redacted AS (
			    UPDATE report SET description = '', address_label = NULL,
			                      location = ST_SnapToGrid(location, :grid), redacted_at = :now
			    WHERE id IN (SELECT id FROM target) AND redacted_at IS NULL
			    RETURNING 1
			)
			SELECT (SELECT id FROM target) AS report_id, EXISTS (SELECT 1 FROM contact) AS contact_erased,
			       EXISTS (SELECT 1 FROM redacted) AS report_redacted
			""";

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final AuditLog audit;

	private final Clock clock;

	DataSubjectRequests(DatabaseClient db, TransactionalOperator transactions, AuditLog audit, Clock clock) {
		this.db = db;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
	}

	/** Everything stored about the report, as a JSON document. */
	Mono<String> export(String trackingCode, String request, StaffPrincipal staff) {
		Mono<String> exported = Mono.defer(() -> this.db.sql(EXPORT)
			.bind("code", canonical(trackingCode))
			.bind("now", now())
			.map((row) -> new Export(row.get("id", Long.class), row.get("document", String.class)))
			.one()
			.switchIfEmpty(Mono.error(NoReportWithCodeException::new))
			.flatMap((found) -> this.audit
				.record("staff:" + staff.userId(), "DATA_EXPORTED", found.reportId(), "DATA_SUBJECT_REQUEST",
						Map.of("request", request))
				.thenReturn(found.document())));
		return this.transactions.transactional(exported);
	}

	/**
	 * Erases the reporter's contact details and the report's text and address now, and
	 * coarsens its location; category, quarter and times stay for the statistics.
	 */
	Mono<Erasure> erase(String trackingCode, String request, StaffPrincipal staff) {
		Mono<Erasure> erased = Mono
			.defer(() -> this.db.sql(ERASE)
				.bind("code", canonical(trackingCode))
				.bind("now", now())
				.bind("grid", Retention.COARSE_GRID_DEGREES)
				.map((row) -> new Erasure(row.get("report_id", Long.class),
						Boolean.TRUE.equals(row.get("contact_erased", Boolean.class)),
						Boolean.TRUE.equals(row.get("report_redacted", Boolean.class))))
				.one()
				.filter((erasure) -> erasure.reportId() != null)
				.switchIfEmpty(Mono.error(NoReportWithCodeException::new))
				.flatMap(
						(erasure) -> this.audit
							.record("staff:" + staff.userId(), "DATA_ERASED", erasure.reportId(),
									"DATA_SUBJECT_REQUEST", Map.of("request", request, "contactErased",
											erasure.contactErased(), "reportRedacted", erasure.reportRedacted()))
							.thenReturn(erasure)));
		return this.transactions.transactional(erased);
	}

	private static String canonical(String trackingCode) {
		return TrackingCodes.normalize(trackingCode).orElseThrow(NoReportWithCodeException::new);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private record Export(long reportId, String document) {
	}

	/**
	 * What an erasure did.
	 *
	 * @param reportId the report
	 * @param contactErased contact details were there and are gone
	 * @param reportRedacted the text was there and is gone (false when it had been
	 * redacted before)
	 */
	public record Erasure(@Nullable Long reportId, boolean contactErased, boolean reportRedacted) {
	}

	/** No report has this tracking code. */
	static class NoReportWithCodeException extends ProblemException {

		NoReportWithCodeException() {
			super(HttpStatus.NOT_FOUND, "privacy-report-not-found");
		}

	}

}
