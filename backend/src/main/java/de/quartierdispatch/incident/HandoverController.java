package de.quartierdispatch.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shift handover: what the next team lead sees (and prints) of the last hours.
 */
@RestController
class HandoverController {

	private static final int LONGEST_SHIFT_HOURS = 24;

	private final HandoverQueries handover;

	private final Clock clock;

	HandoverController(HandoverQueries handover, Clock clock) {
		this.handover = handover;
		this.clock = clock;
	}

	@GetMapping(path = "/api/incidents/handover", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> handover(@RequestParam(defaultValue = "8") int hours, @AuthenticationPrincipal StaffPrincipal lead) {
		if (hours < 1 || hours > LONGEST_SHIFT_HOURS) {
			return Mono.error(new InvalidFieldsException("hours", "OutOfRange", 1, LONGEST_SHIFT_HOURS));
		}
		OffsetDateTime until = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		return this.handover.summary(until.minus(Duration.ofHours(hours)), until, lead.quarterScope());
	}

}
