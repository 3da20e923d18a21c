package de.quartierdispatch.incident;

import java.time.LocalDate;

import de.quartierdispatch.incident.IncidentSearch.Query;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.TextNormalizer;
import de.quartierdispatch.system.Timestamps;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search and history for team leads: incidents open or closed, found by tracking code,
 * number, address or text, within the lead's quarters, a page at a time.
 */
@RestController
class IncidentSearchController {

	private static final int MAX_SIZE = 50;

	private static final int MAX_TEXT = 100;

	private final IncidentSearch search;

	IncidentSearchController(IncidentSearch search) {
		this.search = search;
	}

	@GetMapping(path = "/api/incidents/search", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> search(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Boolean closed,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String quarter,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable Outcome outcome, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal StaffPrincipal lead) {
		return Mono.fromCallable(() -> {
			Timestamps.inOrder(from, to);
			return new Query(text(q), closed, Timestamps.checked("from", from), Timestamps.checked("to", to),
					blankToNull(quarter), blankToNull(category), outcome, checkedPage(page), checkedSize(size));
		}).flatMap((query) -> this.search.find(query, lead.quarterScope()));
	}

	/**
	 * The same search with its terms in the body: what a lead types (a name, an address)
	 * then never stands in a URL, and so in no proxy's log. The board searches this way.
	 */
	@PostMapping(path = "/api/incidents/search", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> searchWithBody(@RequestBody SearchTerms terms, @AuthenticationPrincipal StaffPrincipal lead) {
		return search(terms.q(), terms.closed(), terms.from(), terms.to(), terms.quarter(), terms.category(),
				terms.outcome(), (terms.page() != null) ? terms.page() : 0, (terms.size() != null) ? terms.size() : 20,
				lead);
	}

	private static @Nullable String text(@Nullable String q) {
		String text = TextNormalizer.cleanOrNull(q);
		if (text != null && text.length() > MAX_TEXT) {
			throw new InvalidFieldsException("q", "Size", 0, MAX_TEXT);
		}
		return text;
	}

	private static @Nullable String blankToNull(@Nullable String code) {
		return (code == null || code.isBlank()) ? null : code.strip();
	}

	private static int checkedPage(int page) {
		if (page < 0 || page > 10_000) {
			throw new InvalidFieldsException("page", "OutOfRange", 0, 10_000);
		}
		return page;
	}

	private static int checkedSize(int size) {
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidFieldsException("size", "OutOfRange", 1, MAX_SIZE);
		}
		return size;
	}

	/**
	 * The search's terms, as the query parameters of the GET.
	 *
	 * @param q a tracking code, incident number, address or text
	 * @param closed closed ones only (true), open ones only (false), or both
	 * @param from reported on or after
	 * @param to reported on or before
	 * @param quarter a quarter's code
	 * @param category a category's code
	 * @param outcome how it ended
	 * @param page the page, from 0
	 * @param size entries per page
	 */
	record SearchTerms(@Nullable String q, @Nullable Boolean closed, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable String quarter, @Nullable String category, @Nullable Outcome outcome, @Nullable Integer page,
			@Nullable Integer size) {
	}

}
