package de.quartierdispatch.partner;

import de.quartierdispatch.system.ProblemException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory at the counter (and for team leads): search partner services by topic,
 * language and quarter, optionally only those open now or still today.
 */
@RestController
@RequestMapping("/api/directory")
class DirectoryController {

	private final Directory directory;

	DirectoryController(Directory directory) {
		this.directory = directory;
	}

	@GetMapping("/services")
	Flux<DirectoryEntry> search(@RequestParam(required = false) @Nullable Topic topic,
			@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable String quarter,
			@RequestParam(defaultValue = "false") boolean openNow,
			@RequestParam(defaultValue = "false") boolean openToday) {
		return this.directory.search(topic, blankToNull(language), blankToNull(quarter), openNow, openToday);
	}

	@GetMapping("/services/{id}")
	Mono<DirectoryEntry> service(@PathVariable long id) {
		return this.directory.service(id).switchIfEmpty(Mono.error(NoSuchServiceException::new));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** No such partner service. */
	static class NoSuchServiceException extends ProblemException {

		NoSuchServiceException() {
			super(HttpStatus.NOT_FOUND, "partner-service-not-found");
		}

	}

}
