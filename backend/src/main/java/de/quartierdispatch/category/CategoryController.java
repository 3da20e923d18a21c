package de.quartierdispatch.category;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The categories with labels in every language (the page picks its own), retired ones
 * too: they still name the reports filed under them. Forms offer only the active ones.
 */
@RestController
class CategoryController {

	private final Categories categories;

	CategoryController(Categories categories) {
		this.categories = categories;
	}

	@GetMapping("/api/categories")
	Mono<ResponseEntity<List<Category>>> categories() {
		return this.categories.findAll()
			.collectList()
			.map((all) -> ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).body(all));
	}

}
