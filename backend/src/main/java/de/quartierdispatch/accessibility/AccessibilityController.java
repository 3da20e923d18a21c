package de.quartierdispatch.accessibility;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import de.quartierdispatch.accessibility.AccessibilityFeedback.Entry;
import de.quartierdispatch.privacy.AuditLog;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.Language;
import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.system.TextNormalizer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The statement (public), the feedback form (public, rate-limited) and the
 * administrators' inbox with answers.
 */
@RestController
class AccessibilityController {

	private final AccessibilityProperties statement;

	private final AccessibilityFeedback feedback;

	private final AuditLog audit;

	private final Clock clock;

	AccessibilityController(AccessibilityProperties statement, AccessibilityFeedback feedback, AuditLog audit,
			Clock clock) {
		this.statement = statement;
		this.feedback = feedback;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping(path = "/api/accessibility", produces = MediaType.APPLICATION_JSON_VALUE)
	AccessibilityProperties statement() {
		return this.statement;
	}

	@PostMapping(path = "/api/accessibility/feedback", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Map<String, Long>> give(@Valid @RequestBody Feedback request) {
		String message = TextNormalizer.clean(request.message());
		return this.feedback
			.store((message != null) ? message : "", TextNormalizer.cleanOrNull(request.page()),
					TextNormalizer.cleanOrNull(request.email()),
					(request.language() != null) ? request.language() : Language.DEFAULT.code(), now())
			.map((id) -> Map.of("id", id));
	}

	@GetMapping(path = "/api/admin/accessibility-feedback", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<List<Entry>> inbox(@AuthenticationPrincipal StaffPrincipal admin) {
		return this.audit.record("staff:" + admin.userId(), "ACCESSIBILITY_FEEDBACK_READ", null, null, Map.of())
			.then(this.feedback.all().collectList());
	}

	@PostMapping(path = "/api/admin/accessibility-feedback/{id}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> answer(@PathVariable long id, @Valid @RequestBody Answer request,
			@AuthenticationPrincipal StaffPrincipal admin) {
		String text = TextNormalizer.clean(request.answer());
		return this.feedback.answer(id, (text != null) ? text : "", "staff:" + admin.userId(), now())
			.flatMap((answered) -> answered ? Mono.<Void>empty() : Mono.error(new FeedbackNotFoundException()));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	record Feedback(@NotBlank @Size(max = 4000) String message, @Nullable @Size(max = 300) String page,
			@Nullable @Email(regexp = "|[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @Size(max = 254) String email,
			@Nullable @Pattern(regexp = "de|en|ar|fa|tr|uk|ro|bg") String language) {
	}

	record Answer(@NotBlank @Size(max = 4000) String answer) {
	}

	/** No such feedback. */
	static class FeedbackNotFoundException extends ProblemException {

		FeedbackNotFoundException() {
			super(HttpStatus.NOT_FOUND, "feedback-not-found");
		}

	}

}
