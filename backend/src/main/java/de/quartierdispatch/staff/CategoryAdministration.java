package de.quartierdispatch.staff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.quartierdispatch.category.Categories;
import de.quartierdispatch.category.Category;
import de.quartierdispatch.category.CategoryCatalogue;
import de.quartierdispatch.privacy.AuditLog;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.InvalidFieldsException.InvalidField;
import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.system.TextNormalizer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators keep the report categories: add one (named in all eight languages, with
 * one of the icons), rename it, or retire it from the forms. A category is never deleted:
 * reports, rules and statistics name it. Every change is audited.
 */
@RestController
@RequestMapping(path = "/api/admin/categories", produces = MediaType.APPLICATION_JSON_VALUE)
class CategoryAdministration {

	private static final String CODE = "[A-Z][A-Z0-9_]{1,31}";

	private static final int MAX_LABEL = 80;

	private final Categories categories;

	private final CategoryCatalogue catalogue;

	private final AuditLog audit;

	private final TransactionalOperator transactions;

	CategoryAdministration(Categories categories, CategoryCatalogue catalogue, AuditLog audit,
			TransactionalOperator transactions) {
		this.categories = categories;
		this.catalogue = catalogue;
		this.audit = audit;
		this.transactions = transactions;
	}

	@GetMapping
	Flux<Category> list() {
		return this.categories.findAll();
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	Mono<ResponseEntity<Category>> create(@Valid @RequestBody CategoryRequest request,
			@AuthenticationPrincipal StaffPrincipal admin) {
		String code = (request.code() != null) ? request.code() : "";
		Map<String, String> labels = checked(request,
				code.matches(CODE) ? List.of() : List.of(new InvalidField("code", "category.code")));
		Mono<Category> created = this.catalogue.create(code, request.icon(), labels, request.active())
			.switchIfEmpty(Mono.error(() -> new InvalidFieldsException("code", "category.code-taken")))
			.flatMap((category) -> recorded(admin, "CATEGORY_CREATED", category));
		return this.transactions.transactional(created)
			.map((category) -> ResponseEntity.status(HttpStatus.CREATED).body(category));
	}

	@PutMapping("/{code}")
	Mono<Category> change(@PathVariable String code, @Valid @RequestBody CategoryRequest request,
			@AuthenticationPrincipal StaffPrincipal admin) {
		Map<String, String> labels = checked(request, List.of());
		Mono<Category> changed = this.catalogue.change(code, request.icon(), labels, request.active())
			.switchIfEmpty(Mono.error(NoSuchCategoryException::new))
			.flatMap((category) -> recorded(admin, "CATEGORY_CHANGED", category));
		return this.transactions.transactional(changed);
	}

	/**
	 * The labels as stored, one line each; refuses a missing or empty label, an unknown
	 * language or icon, with every reason at once.
	 */
	private static Map<String, String> checked(CategoryRequest request, List<InvalidField> found) {
		List<InvalidField> invalid = new ArrayList<>(found);
		if (!CategoryCatalogue.ICONS.contains(request.icon())) {
			invalid.add(new InvalidField("icon", "category.icon"));
		}
		Map<String, String> labels = new LinkedHashMap<>();
		for (String language : CategoryCatalogue.LANGUAGES) {
			String label = TextNormalizer.oneLine(request.labels().get(language));
			if (label.isEmpty() || label.length() > MAX_LABEL) {
				invalid.add(new InvalidField("labels." + language, "category.label", MAX_LABEL));
			}
			labels.put(language, label);
		}
		request.labels()
			.keySet()
			.stream()
			.filter((language) -> !CategoryCatalogue.LANGUAGES.contains(language))
			.forEach((language) -> invalid.add(new InvalidField("labels", "category.language", language)));
		if (!invalid.isEmpty()) {
			throw new InvalidFieldsException(invalid);
		}
		return labels;
	}

	private Mono<Category> recorded(StaffPrincipal admin, String action, Category category) {
		return this.audit
			.record("staff:" + admin.userId(), action, null, null, Map.of("category", category.code(), "name",
					category.labels().get("de"), "active", category.active()))
			.thenReturn(category);
	}

	/**
	 * A category as administrators send it.
	 *
	 * @param code its code, capitals, digits and underscores (only when adding one)
	 * @param icon one of {@link CategoryCatalogue#ICONS}
	 * @param labels its name in each of the eight languages
	 * @param active whether new reports may be filed under it
	 */
	record CategoryRequest(@Nullable @Size(max = 32) String code, @NotNull @Size(max = 32) String icon,
			@NotNull @Size(max = 16) Map<String, @Size(max = 500) String> labels, @NotNull Boolean active) {
	}

	/** No category has this code. */
	static class NoSuchCategoryException extends ProblemException {

		NoSuchCategoryException() {
			super(HttpStatus.NOT_FOUND, "category-not-found");
		}

	}

}
