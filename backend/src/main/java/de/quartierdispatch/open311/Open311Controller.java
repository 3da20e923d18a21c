package de.quartierdispatch.open311;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import de.quartierdispatch.category.Categories;
import de.quartierdispatch.category.Category;
import de.quartierdispatch.open311.Open311Queries.RequestFilter;
import de.quartierdispatch.system.Language;
import de.quartierdispatch.system.Timestamps;
import de.quartierdispatch.system.TrackingCodeText;
import de.quartierdispatch.system.WholeNumbers;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The read side of GeoReport v2: discovery, services, service definitions, requests and
 * tokens. Everything here is public and shows nothing personal. Each resource answers
 * with and without a format suffix ({@code services.xml}, {@code services}).
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

	private static final List<String> OPEN = List.of("OPEN", "DISPATCHED", "ON_SITE");

	private static final List<String> CLOSED = List.of("RESOLVED", "REFERRED", "CLOSED");

	private static final OffsetDateTime ALWAYS_START = OffsetDateTime.parse("2000-01-01T00:00:00Z");

	private static final OffsetDateTime ALWAYS_END = OffsetDateTime.parse("9999-12-31T00:00:00Z");

	private final Categories categories;

	private final Open311Queries queries;

	private final Open311Responses responses;

	private final Open311Writer writer;

	private final Open311Properties properties;

	private final Clock clock;

	Open311Controller(Categories categories, Open311Queries queries, Open311Responses responses, Open311Writer writer,
			Open311Properties properties, Clock clock) {
		this.categories = categories;
		this.queries = queries;
		this.responses = responses;
		this.writer = writer;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping({ "/discovery", "/discovery.{format}" })
	Mono<ResponseEntity<String>> discovery(ServerWebExchange exchange) {
		ServerHttpRequest request = checked(exchange);
		String url = request.getURI().resolve("/open311/v2/").toString();
		return Mono.just(answer(request, this.responses.discovery(url, this.properties.contact())));
	}

	@GetMapping({ "/services", "/services.{format}" })
	Mono<ResponseEntity<String>> services(ServerWebExchange exchange) {
		ServerHttpRequest request = checked(exchange);
		Language language = language(request);
		return this.categories.findActive()
			.collectList()
			.map((active) -> answer(request, this.responses.services(active, language)));
	}

	@GetMapping("/services/{code}")
	Mono<ResponseEntity<String>> definition(@PathVariable String code, ServerWebExchange exchange) {
		ServerHttpRequest request = checked(exchange);
		String serviceCode = Open311Format.stripSuffix(code);
		Language language = language(request);
		return this.categories.findActive()
			.filter((category) -> category.code().equals(serviceCode))
			.next()
			.switchIfEmpty(Mono.error(() -> Open311Exception.notFound("service_code " + serviceCode + " not found")))
			.map((Category category) -> answer(request, this.responses.definition(category, language)));
	}

	@GetMapping({ "/requests", "/requests.{format}" })
	Mono<ResponseEntity<String>> requests(ServerWebExchange exchange) {
		ServerHttpRequest request = checked(exchange);
		RequestFilter filter = filter(request);
		Language language = language(request);
		return knownServiceCodes(filter.serviceCodes())
			.thenMany(this.queries.find(filter, language.code(), this.properties.maxRequests()))
			.collectList()
			.map((found) -> answer(request, this.responses.requests(found, language)));
	}

	/**
	 * A service code that names no category (active or retired) is not found, as by path.
	 */
	private Mono<Void> knownServiceCodes(List<String> codes) {
		if (codes.isEmpty()) {
			return Mono.empty();
		}
		return this.categories.findAll().map(Category::code).collectList().flatMap((known) -> {
			List<String> unknown = codes.stream().filter((code) -> !known.contains(code)).toList();
			return unknown.isEmpty() ? Mono.empty()
					: Mono.error(Open311Exception.notFound("service_code " + String.join(",", unknown) + " not found"));
		});
	}

	@GetMapping("/requests/{id}")
	Mono<ResponseEntity<String>> request(@PathVariable String id, ServerWebExchange exchange) {
		ServerHttpRequest request = checked(exchange);
		String requestId = Open311Format.stripSuffix(id);
		long reportId = reportId(requestId);
		Language language = language(request);
		RequestFilter filter = new RequestFilter(List.of(reportId), List.of(), List.of(), ALWAYS_START, ALWAYS_END);
		return this.queries.find(filter, language.code(), 1)
			.collectList()
			.filter((found) -> !found.isEmpty())
			.switchIfEmpty(
					Mono.error(() -> Open311Exception.notFound("service_request_id " + requestId + " not found")))
			.map((found) -> answer(request, this.responses.requests(found, language)));
	}

	@GetMapping("/tokens/{token}")
	Mono<ResponseEntity<String>> token(@PathVariable String token, ServerWebExchange exchange) {
		ServerHttpRequest request = checked(exchange);
		// A token is read as the status page reads a tracking code: as a person may have
		// typed it.
		String typed = Open311Format.stripSuffix(token);
		String code = TrackingCodeText.normalize(typed).orElse(typed.strip().toUpperCase(Locale.ROOT));
		return this.queries.findIdByToken(code)
			.switchIfEmpty(Mono.error(() -> Open311Exception.notFound("token not found")))
			.map((reportId) -> answer(request, this.responses.token(code, reportId)));
	}

	private ServerHttpRequest checked(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		Open311Format.stripSuffix(path.substring(path.lastIndexOf('/') + 1));
		Jurisdiction.check(Open311Parameters.single(request.getQueryParams(), "jurisdiction_id"), this.properties);
		return request;
	}

	private Language language(ServerHttpRequest request) {
		Language fallback = Language.fromCode(this.properties.language()).orElse(Language.DEFAULT);
		return Open311Languages.of(Open311Parameters.single(request.getQueryParams(), "locale"), fallback);
	}

	private RequestFilter filter(ServerHttpRequest request) {
		var query = request.getQueryParams();
		List<String> ids = list(Open311Parameters.single(query, "service_request_id"));
		if (!ids.isEmpty()) {
			// The specification: service_request_id overrides every other argument.
			return new RequestFilter(ids.stream().map(Open311Controller::reportId).toList(), List.of(), List.of(),
					ALWAYS_START, ALWAYS_END);
		}
		OffsetDateTime end = time("end_date", Open311Parameters.single(query, "end_date"));
		OffsetDateTime start = time("start_date", Open311Parameters.single(query, "start_date"));
		Duration window = this.properties.defaultWindow();
		if (end == null) {
			end = (start != null) ? start.plus(window) : OffsetDateTime.now(this.clock).plusSeconds(1);
		}
		if (start == null) {
			start = end.minus(window);
		}
		if (start.isAfter(end)) {
			throw Open311Exception.badRequest("start_date must not lie after end_date");
		}
		List<String> states = new ArrayList<>();
		for (String status : list(Open311Parameters.single(query, "status"))) {
			switch (status.toLowerCase(Locale.ROOT)) {
				case "open" -> states.addAll(OPEN);
				case "closed" -> states.addAll(CLOSED);
				default -> throw Open311Exception.badRequest("status must be open or closed, not " + status);
			}
		}
		return new RequestFilter(List.of(), list(Open311Parameters.single(query, "service_code")), states, start, end);
	}

	private static List<String> list(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split(",")).map(String::strip).filter((item) -> !item.isEmpty()).toList();
	}

	private static @Nullable OffsetDateTime time(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			OffsetDateTime time = OffsetDateTime.parse(value.strip());
			if (!Timestamps.plausible(time)) {
				throw Open311Exception.badRequest(name + " must lie in the years 1900 to 2999");
			}
			return time.withOffsetSameInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			throw Open311Exception
				.badRequest(name + " must be a date and time in ISO 8601 with its offset, e.g. 2026-12-01T08:00:00Z");
		}
	}

	/** A request's id in decimal digits only: {@code +1} or a full-width 1 names none. */
	private static long reportId(String id) {
		try {
			if (!WholeNumbers.isDecimal(id)) {
				throw new NumberFormatException(id);
			}
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw Open311Exception.notFound("service_request_id " + id + " not found");
		}
	}

	private ResponseEntity<String> answer(ServerHttpRequest request, Open311Document document) {
		Open311Format format = Open311Format.of(request);
		return ResponseEntity.ok()
			.contentType(format.mediaType())
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
			.body(this.writer.write(document, format));
	}

}
