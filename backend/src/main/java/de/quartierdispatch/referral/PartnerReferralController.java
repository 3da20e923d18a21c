package de.quartierdispatch.referral;

import java.util.regex.Pattern;

import de.quartierdispatch.referral.ReferralProblems.NoteKeyInvalidException;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.TextNormalizer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner accounts: the referrals to their own organisation only. A referral of another
 * organisation is answered as if it did not exist.
 */
@RestController
@RequestMapping("/api/partner/referrals")
class PartnerReferralController {

	/** As the field app's step keys: a UUID fits. */
	private static final Pattern NOTE_KEY = Pattern.compile("[A-Za-z0-9-]{8,100}");

	private final PartnerDesk desk;

	PartnerReferralController(PartnerDesk desk) {
		this.desk = desk;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> list(@AuthenticationPrincipal StaffPrincipal member) {
		return this.desk.list(member);
	}

	/** One referral with the person's contact details (if they consented): audited. */
	@GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> detail(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal member) {
		return this.desk.detail(id, member);
	}

	@PostMapping("/{id}/accept")
	Mono<Void> accept(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal member) {
		return this.desk.accept(id, member);
	}

	@PostMapping("/{id}/decline")
	Mono<Void> decline(@PathVariable long id, @Valid @RequestBody Reason reason,
			@AuthenticationPrincipal StaffPrincipal member) {
		return this.desk.decline(id, TextNormalizer.clean(reason.reason()), member);
	}

	@PostMapping("/{id}/outcome")
	Mono<Void> outcome(@PathVariable long id, @Valid @RequestBody OutcomeRequest outcome,
			@AuthenticationPrincipal StaffPrincipal member) {
		return this.desk.recordOutcome(id, outcome, member);
	}

	/**
	 * A sealed note. With an {@code Idempotency-Key} (the desk sends one per note) a note
	 * sent again after a lost answer is stored once.
	 */
	@PostMapping("/{id}/notes")
	Mono<Void> note(@PathVariable long id,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@Valid @RequestBody Note note, @AuthenticationPrincipal StaffPrincipal member) {
		if (key != null && !NOTE_KEY.matcher(key).matches()) {
			return Mono.error(new NoteKeyInvalidException());
		}
		return this.desk.addNote(id, note.text(), key, member);
	}

	/**
	 * Why the partner declines.
	 *
	 * @param reason the reason, shown to the referrer
	 */
	record Reason(@NotBlank @Size(max = 500) String reason) {
	}

	/**
	 * A sealed note: only the partner's organisation reads it.
	 *
	 * @param text the note
	 */
	record Note(@NotBlank @Size(max = 4000) String text) {
	}

}
