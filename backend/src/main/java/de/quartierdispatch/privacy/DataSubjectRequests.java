package de.quartierdispatch.privacy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import de.quartierdispatch.intake.TrackingCodes;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.ProblemException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
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
			    'incident', jsonb_build_object('state', i.state, 'outcome', i.outcome, 'closedAt', i.closed_at,
			                                   'referredTo', i.referred_to),
			    -- What staff wrote about the case, told the reporters, sent them, and who
			    -- looked at the report's personal data (Art. 15 (1) c: its recipients).
			    'notes', (SELECT coalesce(jsonb_agg(jsonb_build_object('at', n.created_at, 'text', n.text)
			                                        ORDER BY n.created_at), '[]')
			              FROM incident_note n WHERE n.incident_id = i.id AND n.redacted_at IS NULL),
			    'messagesToReporters', (SELECT coalesce(jsonb_agg(jsonb_build_object('at', m.created_at, 'text', m.text)
			                                                      ORDER BY m.created_at), '[]')
			                            FROM reporter_message m WHERE m.incident_id = i.id),
			    'mails', (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', o.kind, 'createdAt', o.created_at,
			                                                           'sentAt', o.sent_at) ORDER BY o.created_at), '[]')
			              FROM mail_outbox o WHERE o.report_id = r.id),
			    'photos', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'takenBy',
			                                                            CASE WHEN p.assignment_id IS NULL THEN 'reporter'
			                                                                 ELSE 'team' END,
			                                                            'at', p.created_at, 'width', p.width,
			                                                            'height', p.height) ORDER BY p.id), '[]')
			               FROM photo p WHERE p.report_id = r.id OR (p.incident_id = i.id AND p.assignment_id IS NOT NULL)),
			    'accessedBy', (SELECT coalesce(jsonb_agg(jsonb_build_object('at', a.at, 'action', a.action,
			                                                                'purpose', a.purpose) ORDER BY a.at), '[]')
			                   FROM audit_log a WHERE a.report_id = r.id),
			    'redactedAt', r.redacted_at,
			    'exportedAt', :now)::text AS document
			FROM report r
			JOIN incident i ON i.id = r.incident_id
			LEFT JOIN quarter q ON q.id = r.quarter_id
			LEFT JOIN reporter_contact c ON c.report_id = r.id
			WHERE r.tracking_code = :code
			""";

	/**
	 * The report's own data, and what staff wrote about its case: notes, the teams' notes
	 * and decline reasons, the reason an incident was closed without action (any of them
	 * may name the person). When no other report keeps the incident, it is redacted as by
	 * retention: its location coarsened, its photos and messages erased.
	 */
	private static final String ERASE = """
			WITH target AS (
			    SELECT id, incident_id FROM report WHERE tracking_code = :code FOR UPDATE
			), contact AS (
			    DELETE FROM reporter_contact WHERE report_id IN (SELECT id FROM target) RETURNING 1
			), redacted AS (
			    UPDATE report SET description = '', address_label = NULL,
			                      location = ST_SnapToGrid(location, :grid), redacted_at = :now
			    WHERE id IN (SELECT id FROM target) AND redacted_at IS NULL
			    RETURNING 1
			), notes AS (
			    UPDATE incident_note SET text = '', redacted_at = :now
			    WHERE incident_id IN (SELECT incident_id FROM target) AND redacted_at IS NULL
			    RETURNING 1
			), team_notes AS (
			    UPDATE assignment SET note = NULL, decline_reason = NULL
			    WHERE incident_id IN (SELECT incident_id FROM target)
			      AND (note IS NOT NULL OR decline_reason IS NOT NULL)
			    RETURNING 1
			), others AS (
			    SELECT EXISTS (SELECT 1 FROM report r JOIN target t ON r.incident_id = t.incident_id
			                   WHERE r.redacted_at IS NULL AND r.id <> t.id) AS remain
			), incident AS (
			    -- Redacted as by retention once no other report keeps the case open (its
			    -- triggers erase the teams' photos and the messages to the reporters).
			    UPDATE incident i
			    SET outcome_reason = NULL,
			        location = CASE WHEN o.remain THEN i.location ELSE ST_SnapToGrid(i.location, :grid) END,
			        referred_to = CASE WHEN o.remain THEN i.referred_to END,
			        redacted_at = CASE WHEN o.remain THEN i.redacted_at ELSE coalesce(i.redacted_at, :now) END
			    FROM others o
			    WHERE i.id IN (SELECT incident_id FROM target)
			    RETURNING 1
			)
			SELECT (SELECT id FROM target) AS report_id, (SELECT incident_id FROM target) AS incident_id,
			       EXISTS (SELECT 1 FROM contact) AS contact_erased, EXISTS (SELECT 1 FROM redacted) AS report_redacted,
			       (SELECT count(*) FROM notes) + (SELECT count(*) FROM team_notes) AS notes_redacted,
			       (SELECT count(*) FROM incident) AS incidents
			""";

	private final DatabaseClient db;

	private final TransactionalOperator transactions;

	private final AuditLog audit;

	private final Clock clock;

	private final List<ErasureStep> steps;

	DataSubjectRequests(DatabaseClient db, TransactionalOperator transactions, AuditLog audit, Clock clock,
			List<ErasureStep> steps) {
		this.steps = steps;
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
		OffsetDateTime now = now();
		Mono<Erasure> erased = Mono.defer(() -> this.db.sql(ERASE)
			.bind("code", canonical(trackingCode))
			.bind("now", now)
			.bind("grid", Retention.COARSE_GRID_DEGREES)
			.map((row) -> new Erasure(row.get("report_id", Long.class), row.get("incident_id", Long.class),
					Boolean.TRUE.equals(row.get("contact_erased", Boolean.class)),
					Boolean.TRUE.equals(row.get("report_redacted", Boolean.class)),
					row.get("notes_redacted", Long.class)))
			.one()
			.filter((erasure) -> erasure.reportId() != null)
			.switchIfEmpty(Mono.error(NoReportWithCodeException::new))
			.flatMap((erasure) -> furtherSteps(erasure, now).flatMap((further) -> {
				Map<String, Object> details = new TreeMap<>(further);
				details.putAll(Map.of("request", request, "contactErased", erasure.contactErased(), "reportRedacted",
						erasure.reportRedacted(), "notesRedacted", erasure.notesRedacted()));
				return this.audit
					.record("staff:" + staff.userId(), "DATA_ERASED", erasure.reportId(), "DATA_SUBJECT_REQUEST",
							details)
					.thenReturn(erasure);
			})));
		return this.transactions.transactional(erased);
	}

	/**
	 * What other features keep about the case, one after the other on the transaction's
	 * connection.
	 */
	private Mono<Map<String, Long>> furtherSteps(Erasure erasure, OffsetDateTime now) {
		return Flux.fromIterable(this.steps)
			.concatMap((step) -> step.erase(erasure.reportId(), erasure.incidentId(), now))
			.collect(TreeMap::new, Map::putAll);
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
	 * @param incidentId the report's incident (not part of the answer)
	 * @param notesRedacted staff's notes on the case that were erased
	 */
	public record Erasure(@Nullable Long reportId, @JsonIgnore @Nullable Long incidentId, boolean contactErased,
			boolean reportRedacted, long notesRedacted) {
	}

	/** No report has this tracking code. */
	static class NoReportWithCodeException extends ProblemException {

		NoReportWithCodeException() {
			super(HttpStatus.NOT_FOUND, "privacy-report-not-found");
		}

	}

}
