package de.quartierdispatch.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import de.quartierdispatch.privacy.AuditLog;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.system.TextNormalizer;
import de.quartierdispatch.webhook.WebhookSubscribers.CreatedSubscriber;
import de.quartierdispatch.webhook.WebhookSubscribers.Subscriber;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators manage webhook subscribers: where events go and which. Every change is
 * audited; the signing secret is in the answer to the creation only.
 */
@RestController
@RequestMapping("/api/admin/webhooks")
class WebhookController {

	/** Looks like a web address; {@link WebhookAddress} decides where events may go. */
	private static final String URL = "(?i)https?://\\S+";

	private final WebhookSubscribers subscribers;

	private final AuditLog audit;

	private final Clock clock;

	WebhookController(WebhookSubscribers subscribers, AuditLog audit, Clock clock) {
		this.subscribers = subscribers;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping
	Flux<Subscriber> list() {
		return this.subscribers.findAll();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Transactional
	Mono<CreatedSubscriber> create(@Valid @RequestBody NewSubscriber request,
			@AuthenticationPrincipal StaffPrincipal admin) {
		String url = WebhookAddress.normalized(request.url());
		String problem = WebhookAddress.problem(url);
		if (problem != null) {
			return Mono.error(new InvalidFieldsException("url", problem));
		}
		String name = TextNormalizer.oneLine(request.name());
		return this.subscribers.nameTaken(name)
			.flatMap((taken) -> taken ? Mono.error(new WebhookNameTakenException())
					: this.subscribers.create(name, url, request.events(), admin.username(),
							OffsetDateTime.now(this.clock)))
			.onErrorMap(DataIntegrityViolationException.class, (taken) -> new WebhookNameTakenException())
			.flatMap((created) -> audited(admin, "WEBHOOK_CREATED", created.subscriber()).thenReturn(created));
	}

	@PutMapping("/{id}")
	@Transactional
	Mono<Subscriber> update(@PathVariable long id, @Valid @RequestBody SubscriberChange request,
			@AuthenticationPrincipal StaffPrincipal admin) {
		String url = WebhookAddress.normalized(request.url());
		// An address saved before the rule stays as it is until it is changed: switching
		// the subscriber off must still work.
		return this.subscribers.find(id)
			.switchIfEmpty(Mono.error(WebhookNotFoundException::new))
			.filter((stored) -> stored.url().equals(url) || WebhookAddress.acceptable(url))
			.switchIfEmpty(Mono.error(() -> new InvalidFieldsException("url",
					Objects.requireNonNullElse(WebhookAddress.problem(url), "webhook.plain-http"))))
			.flatMap((stored) -> this.subscribers.update(id, url, request.events(), request.enabled(),
					OffsetDateTime.now(this.clock)))
			.flatMap((changed) -> audited(admin, "WEBHOOK_CHANGED", changed).thenReturn(changed));
	}

	@DeleteMapping("/{id}")
	@Transactional
	Mono<Subscriber> delete(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal admin) {
		return this.subscribers.delete(id)
			.switchIfEmpty(Mono.error(WebhookNotFoundException::new))
			.flatMap((deleted) -> audited(admin, "WEBHOOK_DELETED", deleted).thenReturn(deleted));
	}

	private Mono<Void> audited(StaffPrincipal admin, String action, Subscriber subscriber) {
		return this.audit.record("staff:" + admin.userId(), action, null, null, Map.of("subscriber", subscriber.id(),
				"name", subscriber.name(), "events", subscriber.events(), "enabled", subscriber.enabled()));
	}

	/**
	 * A subscriber to create.
	 *
	 * @param name its name
	 * @param url where to post events: {@code https://}, or {@code http://} on this
	 * machine
	 * @param events the events it receives
	 */
	record NewSubscriber(@NotBlank @Size(max = 100) String name,
			@NotBlank @Size(max = 2000) @Pattern(regexp = URL) String url, @NotEmpty Set<WebhookEvent> events) {
	}

	/**
	 * A change of a subscriber.
	 *
	 * @param url where to post events
	 * @param events the events it receives
	 * @param enabled whether it receives them
	 */
	record SubscriberChange(@NotBlank @Size(max = 2000) @Pattern(regexp = URL) String url,
			@NotEmpty Set<WebhookEvent> events, boolean enabled) {
	}

	/** No subscriber has this id. */
	static class WebhookNotFoundException extends ProblemException {

		WebhookNotFoundException() {
			super(HttpStatus.NOT_FOUND, "webhook-not-found");
		}

	}

	/** Another subscriber carries this name. */
	static class WebhookNameTakenException extends ProblemException {

		WebhookNameTakenException() {
			super(HttpStatus.CONFLICT, "webhook-name-taken");
		}

	}

}
