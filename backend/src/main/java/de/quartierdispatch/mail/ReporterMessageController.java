package de.quartierdispatch.mail;

import java.util.List;

import de.quartierdispatch.mail.ReporterMessages.PublicMessage;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.TextNormalizer;
import jakarta.validation.Valid;
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
 * Team leads write short public updates for an incident's reporters; they read what was
 * written.
 */
@RestController
class ReporterMessageController {

	private final ReporterMessages messages;

	ReporterMessageController(ReporterMessages messages) {
		this.messages = messages;
	}

	@PostMapping(path = "/api/incidents/{id}/public-messages", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Mono<PublicMessage> post(@PathVariable long id, @Valid @RequestBody Post request,
			@AuthenticationPrincipal StaffPrincipal lead) {
		String text = TextNormalizer.cleanOrNull(request.text());
		if (text == null) {
			return Mono.error(new InvalidFieldsException("text", "message.required"));
		}
		return this.messages.post(id, text, request.language(), lead);
	}

	@GetMapping(path = "/api/incidents/{id}/public-messages", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<List<PublicMessage>> list(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal lead) {
		return this.messages.ofIncident(id, lead).collectList();
	}

	/**
	 * A message to publish.
	 *
	 * @param text what the reporters read
	 * @param language the language it is written in, one of the eight residents use; none
	 * when not said
	 */
	record Post(@NotBlank @Size(max = 1000) String text,
			@Nullable @Pattern(regexp = "de|en|ar|fa|tr|uk|ro|bg") String language) {
	}

}
