package de.quartierdispatch.stats;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;

import de.quartierdispatch.routing.RoutingProperties;
import de.quartierdispatch.system.InvalidFieldsException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statistics for analysts and administrators (see SecurityConfiguration): a summary for
 * the page, the reports on a hexagon grid for its map, and the underlying table as CSV,
 * for a period of days (by default the last twelve months).
 */
@RestController
@RequestMapping("/api/stats")
class StatisticsController {

	private static final Period LONGEST = Period.ofYears(5);

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final Statistics statistics;

	private final Clock clock;

	private final RoutingProperties routing;

	private final ReportGrid grid;

	private final ReportsCsv csv;

	StatisticsController(Statistics statistics, Clock clock, RoutingProperties routing, ReportGrid grid,
			ReportsCsv csv) {
		this.statistics = statistics;
		this.clock = clock;
		this.routing = routing;
		this.grid = grid;
		this.csv = csv;
	}

	@GetMapping(path = "/summary", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> summary(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		Span span = span(from, to);
		return this.statistics.summary(span.from(), span.to());
	}

	/** Reports on the hexagon grid, as GeoJSON; cells below the minimum are left out. */
	@GetMapping(path = "/grid", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	Mono<String> grid(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		Span span = span(from, to);
		return this.grid.cells(span.from(), span.to());
	}

	@GetMapping(path = "/reports.csv", produces = "text/csv")
	Mono<ResponseEntity<String>> table(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Locale locale) {
		Span span = span(from, to);
		return this.statistics.rows(span.from(), span.to(), locale.getLanguage())
			.collectList()
			.map((rows) -> ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename("quartier-dispatch-reports-" + span.from() + "-" + span.to() + ".csv")
							.build()
							.toString())
				.body(this.csv.write(rows, this.statistics.minimumCount(), locale)));
	}

	private Span span(@Nullable LocalDate from, @Nullable LocalDate to) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.routing.zone());
		LocalDate end = (to != null) ? to : today;
		LocalDate start = (from != null) ? from : end.minusMonths(12).plusDays(1);
		if (start.isAfter(end)) {
			throw new InvalidFieldsException("from", "stats.from-after-to");
		}
		if (start.plus(LONGEST).isBefore(end)) {
			throw new InvalidFieldsException("to", "stats.too-long", LONGEST.getYears());
		}
		return new Span(start, end);
	}

	private record Span(LocalDate from, LocalDate to) {
	}

}
