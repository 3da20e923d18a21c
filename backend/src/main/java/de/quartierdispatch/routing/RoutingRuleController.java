package de.quartierdispatch.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import de.quartierdispatch.category.Categories;
import de.quartierdispatch.geo.GeoPoint;
import de.quartierdispatch.geo.QuarterLocation;
import de.quartierdispatch.geo.Quarters;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.ProblemException;
import de.quartierdispatch.system.Timestamps;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routing rules for administrators, and a dry run ("which rule would route this report,
 * and why") for administrators and team leads that stores nothing.
 */
@RestController
@RequestMapping("/api/routing")
class RoutingRuleController {

	private final RoutingRules rules;

	private final RoutingRuleAdmin admin;

	private final Router router;

	private final Quarters quarters;

	private final Categories categories;

	private final Clock clock;

	RoutingRuleController(RoutingRules rules, RoutingRuleAdmin admin, Router router, Quarters quarters,
			Categories categories, Clock clock) {
		this.rules = rules;
		this.admin = admin;
		this.router = router;
		this.quarters = quarters;
		this.categories = categories;
		this.clock = clock;
	}

	@GetMapping("/rules")
	Flux<RoutingRule> rules() {
		return this.rules.findAll();
	}

	@PostMapping("/rules")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<RoutingRule> create(@Valid @RequestBody RuleRequest request, @AuthenticationPrincipal StaffPrincipal admin) {
		return this.admin.create(request, admin.username());
	}

	@PutMapping("/rules/{id}")
	Mono<RoutingRule> update(@PathVariable long id, @Valid @RequestBody RuleRequest request,
			@AuthenticationPrincipal StaffPrincipal admin) {
		return this.admin.update(id, request, admin.username());
	}

	@DeleteMapping("/rules/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal StaffPrincipal admin) {
		return this.admin.delete(id, version, admin.username());
	}

	@PutMapping("/rules/order")
	Mono<List<RoutingRule>> reorder(@Valid @RequestBody RuleOrder order,
			@AuthenticationPrincipal StaffPrincipal admin) {
		return this.admin.reorder(order.ids(), admin.username());
	}

	@GetMapping("/rules/changes")
	Flux<RuleChange> changes(@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1) {
			return Flux.error(new InvalidFieldsException("limit", "Min", "limit", 1));
		}
		return this.admin.changes(Math.min(limit, 1000));
	}

	@PostMapping("/dry-run")
	Mono<DryRunResult> dryRun(@Valid @RequestBody DryRun request, @AuthenticationPrincipal StaffPrincipal staff) {
		GeoPoint point = new GeoPoint(request.lat(), request.lon());
		OffsetDateTime given = Timestamps.checked("at", request.at());
		Instant at = (given != null) ? given.toInstant() : this.clock.instant();
		Set<ReportFlag> flags = (request.flags() != null) ? request.flags() : Set.of();
		Mono<Optional<QuarterLocation>> location = this.quarters.locate(point)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
		// Only a category a report may be filed under: routing any other answers a
		// question
		// no report can ask.
		Mono<Boolean> known = this.categories.isActive(request.category());
		return Mono.zip(known, location).flatMap((checked) -> {
			if (!checked.getT1()) {
				return Mono.error(new InvalidFieldsException("category", "category.unknown"));
			}
			Optional<QuarterLocation> found = checked.getT2();
			if (!staff.seesQuarter(found.map((place) -> place.quarter().id()).orElse(null))) {
				// The explanation counts the quarter's recent reports: not for a lead of
				// other quarters.
				return Mono.error(new PlaceOutsideScopeException());
			}
			RoutingRequest routing = new RoutingRequest(request.category(),
					found.map((place) -> place.quarter().id()).orElse(null),
					found.map(QuarterLocation::codes).orElse(List.of()), at, flags);
			return this.router.route(routing)
				.map((decision) -> new DryRunResult(decision, found.map((place) -> place.quarter().name()).orElse(null),
						OffsetDateTime.ofInstant(decision.deadline(at), ZoneOffset.UTC)));
		});
	}

	record RuleOrder(@NotNull List<Long> ids) {
	}

	/** A dry run for a place in a quarter the lead does not dispatch for. */
	static class PlaceOutsideScopeException extends ProblemException {

		PlaceOutsideScopeException() {
			super(HttpStatus.FORBIDDEN, "place-outside-scope");
		}

	}

	/**
	 * A report as it might come in.
	 */
	record DryRun(@NotBlank String category, double lat, double lon, @Nullable OffsetDateTime at,
			@Nullable Set<ReportFlag> flags) {
	}

	/**
	 * What routing would decide.
	 */
	record DryRunResult(RoutingDecision decision, @Nullable String quarter, OffsetDateTime deadline) {
	}

}
