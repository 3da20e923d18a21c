package de.quartierdispatch.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import de.quartierdispatch.system.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stop link of every mail: the page {@code /mail/stop?t=...} asks the reporter to
 * confirm and posts here; mail programs post here directly (RFC 8058 one-click). The
 * token is the only key; it names no one.
 */
@RestController
class MailStopController {

	private final Outbox outbox;

	private final Clock clock;

	MailStopController(Outbox outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
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
