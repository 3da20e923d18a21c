package de.quartierdispatch.privacy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.system.TrackingCodeText;
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
		Mono<String> exported = Mono.defer(() -> this.db.sql(DataSubjectSql.EXPORT)
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
		// The report locked first, by itself: a "still a problem" under way (which locks
		// it too) is waited for, and the erasure's statement then sees the incident it
		// moved the report to.
		Mono<Erasure> erased = Mono.defer(() -> this.db.sql(DataSubjectSql.LOCK_REPORT)
			.bind("code", canonical(trackingCode))
			.map((row) -> row.get("id", Long.class))
			.all()
			.then(this.db.sql(DataSubjectSql.ERASE)
				.bind("code", canonical(trackingCode))
				.bind("now", now)
				.bind("grid", Retention.COARSE_GRID_DEGREES)
				.map((row) -> new Erased(
						new Erasure(row.get("report_id", Long.class), row.get("incident_id", Long.class),
								Boolean.TRUE.equals(row.get("contact_erased", Boolean.class)),
								Boolean.TRUE.equals(row.get("report_redacted", Boolean.class)),
								row.get("notes_redacted", Long.class),
								Boolean.TRUE.equals(row.get("case_continues", Boolean.class))),
						row.get("email", String.class), row.get("phone", String.class),
						row.get("board_events_coarsened", Long.class)))
				.one()
				.filter((result) -> result.erasure().reportId() != null)
				.switchIfEmpty(Mono.error(NoReportWithCodeException::new))
				.flatMap((result) -> furtherSteps(result.report(), now).flatMap((further) -> {
					Erasure erasure = result.erasure();
					Map<String, Object> details = new TreeMap<>(further);
					details.putAll(Map.of("request", request, "contactErased", erasure.contactErased(),
							"reportRedacted", erasure.reportRedacted(), "notesRedacted", erasure.notesRedacted(),
							"caseContinues", erasure.caseContinues(), "boardEventsCoarsened",
							Objects.requireNonNullElse(result.boardEventsCoarsened(), 0L)));
					return this.audit
						.record("staff:" + staff.userId(), "DATA_ERASED", erasure.reportId(), "DATA_SUBJECT_REQUEST",
								details)
						.thenReturn(erasure);
				}))));
		return this.transactions.transactional(erased);
	}

	/**
	 * What other features keep about the case, one after the other on the transaction's
	 * connection.
	 */
	private Mono<Map<String, Long>> furtherSteps(ErasureStep.ErasedReport report, OffsetDateTime now) {
		return Flux.fromIterable(this.steps)
			.concatMap((step) -> step.erase(report, now))
			.collect(TreeMap::new, Map::putAll);
	}

	private static String canonical(String trackingCode) {
		return TrackingCodeText.normalize(trackingCode).orElseThrow(NoReportWithCodeException::new);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private record Export(long reportId, String document) {
	}

	/**
	 * What the erasure's statement did, and the contact details it erased, which the
	 * further steps look for (never part of the answer).
	 */
	private record Erased(Erasure erasure, @Nullable String email, @Nullable String phone,
			@Nullable Long boardEventsCoarsened) {

		ErasureStep.ErasedReport report() {
			return new ErasureStep.ErasedReport(Objects.requireNonNull(this.erasure.reportId()),
					Objects.requireNonNull(this.erasure.incidentId()), this.erasure.caseContinues(), this.email,
					this.phone);
		}

		@Override
		public String toString() {
			return "Erased[" + this.erasure + "]";
		}

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
	 * @param caseContinues other reporters' reports keep the case: its record stays until
	 * retention removes it
	 */
	public record Erasure(@Nullable Long reportId, @JsonIgnore @Nullable Long incidentId, boolean contactErased,
			boolean reportRedacted, long notesRedacted, boolean caseContinues) {
	}

	/** No report has this tracking code. */
	static class NoReportWithCodeException extends ProblemException {

		NoReportWithCodeException() {
			super(HttpStatus.NOT_FOUND, "privacy-report-not-found");
		}

	}

}
