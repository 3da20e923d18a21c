package de.quartierdispatch.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import de.quartierdispatch.system.Language;
import de.quartierdispatch.system.ProblemException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The stop link of every mail: the page {@code /mail/stop?t=...} asks the reporter to
 * confirm and posts here; mail programs post here directly (RFC 8058 one-click), or,
 * without one-click, open it and are sent on to the page. The token is the only key; it
 * names no one.
 */
@RestController
class MailStopController {

	private final Outbox outbox;

	private final Clock clock;

	MailStopController(Outbox outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * The {@code List-Unsubscribe} address opened in a browser (a mail program without
	 * one-click): the page that asks first, not a refusal of the method.
	 */
	@GetMapping("/api/mail/stop")
	ResponseEntity<Void> page(@RequestParam("t") String token,
			@RequestParam(name = "lang", required = false) @Nullable String language) {
		UriComponentsBuilder page = UriComponentsBuilder.fromPath("/mail/stop").queryParam("t", token);
		// The page speaks the mail's language, named in the address the mail gave.
		if (language != null) {
			Language.fromCode(language).ifPresent((known) -> page.queryParam("lang", known.code()));
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(page.encode().build().toUri()).build();
	}

	@PostMapping("/api/mail/stop")
	Mono<ResponseEntity<Void>> stop(@RequestParam("t") String token) {
		if (token.length() > 128) {
			return Mono.error(new UnknownStopTokenException());
		}
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		return this.outbox.stop(token, now)
			.flatMap((stopped) -> stopped ? Mono.just(ResponseEntity.noContent().<Void>build())
					: Mono.error(new UnknownStopTokenException()));
	}

	/** The stop link is not (or no longer) valid. */
	static class UnknownStopTokenException extends ProblemException {

		UnknownStopTokenException() {
			super(HttpStatus.NOT_FOUND, "mail-stop-unknown");
		}

	}

}
