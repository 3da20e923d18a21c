package de.quartierdispatch.category;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The categories for the forms, with labels in every language (the page picks its own).
 */
@RestController
class CategoryController {

	private final Categories categories;

	CategoryController(Categories categories) {
		this.categories = categories;
	}

	@GetMapping("/api/categories")
	Mono<ResponseEntity<List<Category>>> categories() {
		return this.categories.findActive()
			.collectList()
			.map((all) -> ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).body(all));
	}

}
