package de.quartierdispatch.system;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /i18n/{page}/{language}.json}: a page's share of a language's translations
 * (see {@link PageDictionaries}), revalidated like the pages' other files.
 */
@RestController
class PageDictionaryController {

	private final PageDictionaries dictionaries;

	PageDictionaryController(PageDictionaries dictionaries) {
		this.dictionaries = dictionaries;
	}

	/** Unknown pages and languages answer 404 like a missing file. */
	@GetMapping("/i18n/{page}/{language}.json")
	ResponseEntity<byte[]> dictionary(@PathVariable String page, @PathVariable String language) {
		PageDictionaries.Dictionary dictionary = this.dictionaries.find(page, language)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		// With an entity tag, WebFlux answers a matching If-None-Match with 304 itself.
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noCache())
			.eTag(dictionary.etag())
			.body(dictionary.json());
	}

}
