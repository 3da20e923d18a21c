package de.quartierdispatch.privacy;

import java.time.OffsetDateTime;

import de.quartierdispatch.privacy.AuditQueries.AuditFilter;
import de.quartierdispatch.privacy.DataSubjectRequests.Erasure;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.Timestamps;
import de.quartierdispatch.system.TrackingCodeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data protection for administrators: residents' requests for access and erasure, the
 * retention job on demand, and the audit log.
 */
@RestController
@RequestMapping("/api/admin")
class PrivacyController {

	private static final int DEFAULT_PAGE = 100;

	private final DataSubjectRequests requests;

	private final Retention retention;

	private final AuditQueries audit;

	private final AuditLog log;

	PrivacyController(DataSubjectRequests requests, Retention retention, AuditQueries audit, AuditLog log) {
		this.log = log;
		this.requests = requests;
		this.retention = retention;
		this.audit = audit;
	}

	/** The tracking code travels in the body, not in the address (and so not in logs). */
	@PostMapping(path = "/privacy/export", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<String>> export(@Valid @RequestBody SubjectRequest request,
			@AuthenticationPrincipal StaffPrincipal admin) {
		return this.requests.export(request.trackingCode(), request.request(), admin)
			.map((document) -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("report-export.json").build().toString())
				.body(document));
	}

	@PostMapping("/privacy/erase")
	Mono<Erasure> erase(@Valid @RequestBody SubjectRequest request, @AuthenticationPrincipal StaffPrincipal admin) {
		return this.requests.erase(request.trackingCode(), request.request(), admin);
	}

	@PostMapping("/retention/run")
	Mono<RetentionReport> runRetention(@AuthenticationPrincipal StaffPrincipal admin) {
		return this.retention.run("staff:" + admin.userId());
	}

	@GetMapping("/audit")
	Flux<AuditEntry> audit(@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String username,
			@RequestParam(required = false) @Nullable Long reportId,
			@RequestParam(required = false) @Nullable String trackingCode,
			@RequestParam(required = false) @Nullable OffsetDateTime from,
			@RequestParam(required = false) @Nullable OffsetDateTime to,
			@RequestParam(required = false) @Nullable Long before, @RequestParam(defaultValue = "100") int limit,
			@AuthenticationPrincipal StaffPrincipal admin) {
		if (limit < 1) {
			// A larger page than the longest is cut to it; none at all was never meant.
			return Flux.error(new InvalidFieldsException("limit", "Min", "limit", 1));
		}
		String code = (trackingCode != null && !trackingCode.isBlank())
				? TrackingCodeText.normalize(trackingCode).orElse(trackingCode.strip()) : null;
		Timestamps.inOrder(from, to);
		AuditFilter filter = new AuditFilter(action, username, reportId, code, Timestamps.checked("from", from),
				Timestamps.checked("to", to), before, limit);
		// The record itself holds personal data (who looked at whose report): reading it
		// is
		// on record too, written after the page is read, so that it does not fill the
		// page.
		return this.audit.find(filter)
			.collectList()
			.flatMap((entries) -> this.log
				.record("staff:" + admin.userId(), "AUDIT_READ", null, null, filter.searched(entries.size()))
				.thenReturn(entries))
			.flatMapMany(Flux::fromIterable);
	}

	/**
	 * The same search with its terms in the body: a username or tracking code typed then
	 * never stands in a URL, and so in no proxy's log. The admin page searches this way.
	 */
	@PostMapping(path = "/audit/search", consumes = MediaType.APPLICATION_JSON_VALUE)
	Flux<AuditEntry> auditWithBody(@RequestBody AuditTerms terms, @AuthenticationPrincipal StaffPrincipal admin) {
		return audit(terms.action(), terms.username(), terms.reportId(), terms.trackingCode(), terms.from(), terms.to(),
				terms.before(), (terms.limit() != null) ? terms.limit() : DEFAULT_PAGE, admin);
	}

	/**
	 * What to look for in the audit log, as the query parameters of the GET; every part
	 * is optional.
	 *
	 * @param action e.g. {@code CONTACT_READ}
	 * @param username the staff member who acted
	 * @param reportId the report concerned
	 * @param trackingCode the report concerned, by the code its reporter knows
	 * @param from entries at or after
	 * @param to entries before
	 * @param before entries with a smaller id (the next page)
	 * @param limit at most this many
	 */
	record AuditTerms(@Nullable String action, @Nullable String username, @Nullable Long reportId,
			@Nullable String trackingCode, @Nullable OffsetDateTime from, @Nullable OffsetDateTime to,
			@Nullable Long before, @Nullable Integer limit) {
	}

	/**
	 * A resident's request about their report.
	 *
	 * @param trackingCode the code the resident got for the report
	 * @param request the request being answered (date, reference), for the audit log
	 */
	record SubjectRequest(@NotBlank @Size(max = 20) String trackingCode, @NotBlank @Size(max = 500) String request) {
	}

}
