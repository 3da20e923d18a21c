package de.quartierdispatch.intake;

import de.quartierdispatch.intake.IdempotentSubmissions.StoredResponse;
import de.quartierdispatch.mail.ReporterMessages;
import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.system.TrackingCodeText;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public side of intake: submit a report, look up its status by tracking code. Both
 * are rate-limited per client; status lookups so that tracking codes cannot be
 * enumerated.
 */
@RestController
class PublicReportController {

	private final Intake intake;

	private final Reports reports;

	private final ReporterMessages messages;

	PublicReportController(Intake intake, Reports reports, ReporterMessages messages) {
		this.intake = intake;
		this.reports = reports;
		this.messages = messages;
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping(path = "/api/reports", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<String>> submit(
			// Read as optional so that its absence is refused as this API's own problem.
			@Parameter(required = true,
					description = "A fresh key per report, the same for its retries") @RequestHeader(
							name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody PublicReportRequest request) {
		if (key == null || key.isBlank()) {
			return Mono.error(new IdempotencyKeyMissingException());
		}
		if (!IdempotentSubmissions.isUsable(key)) {
			return Mono.error(new IdempotencyKeyInvalidException());
		}
		if (request.website() != null && !request.website().isEmpty()) {
			return Mono.error(new AutomatedSubmissionException());
		}
		return this.intake.submitPublic(request, key).map(StoredResponse::toResponseEntity);
	}

	@GetMapping("/api/reports/{code}")
	Mono<ResponseEntity<ReportStatus>> status(@PathVariable String code) {
		return Mono.justOrEmpty(TrackingCodeText.normalize(code))
			.flatMap((normalized) -> this.reports.findStatus(normalized)
				.zipWith(this.messages.forTrackingCode(normalized).collectList(), ReportStatus::withMessages))
			.map((status) -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(status))
			.switchIfEmpty(Mono.error(new UnknownTrackingCodeException()));
	}

	/** A submission without an {@code Idempotency-Key} where one is needed. */
	static class IdempotencyKeyMissingException extends ProblemException {

		IdempotencyKeyMissingException() {
			super(HttpStatus.BAD_REQUEST, "idempotency-key-missing");
		}

	}

	/** An {@code Idempotency-Key} in a form no key may have (too short, a '/'). */
	static class IdempotencyKeyInvalidException extends ProblemException {

		IdempotencyKeyInvalidException() {
			super(HttpStatus.BAD_REQUEST, "idempotency-key-invalid");
		}

	}

	/** The hidden field was filled in: a robot, not a person. */
	static class AutomatedSubmissionException extends ProblemException {

		AutomatedSubmissionException() {
			super(HttpStatus.BAD_REQUEST, "automated-submission");
		}

	}

	/** No report has this tracking code. */
	static class UnknownTrackingCodeException extends ProblemException {

		UnknownTrackingCodeException() {
			super(HttpStatus.NOT_FOUND, "unknown-tracking-code");
		}

	}

}
