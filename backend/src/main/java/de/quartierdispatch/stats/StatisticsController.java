package de.quartierdispatch.stats;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import de.quartierdispatch.routing.RoutingProperties;
import de.quartierdispatch.system.InvalidFieldsException;
import org.apache.commons.csv.CSVFormat;
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
 * the page and the underlying table as CSV, for a period of days (by default the last
 * twelve months).
 */
@RestController
@RequestMapping("/api/stats")
class StatisticsController {

	private static final Period LONGEST = Period.ofYears(5);

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final Statistics statistics;

	private final Clock clock;

	private final RoutingProperties routing;

	StatisticsController(Statistics statistics, Clock clock, RoutingProperties routing) {
		this.statistics = statistics;
		this.clock = clock;
		this.routing = routing;
	}

	@GetMapping(path = "/summary", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> summary(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		Span span = span(from, to);
		return this.statistics.summary(span.from(), span.to());
	}

	@GetMapping("/reports.csv")
	Mono<ResponseEntity<String>> table(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		Span span = span(from, to);
		return this.statistics.rows(span.from(), span.to())
			.collectList()
			.map((rows) -> ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename("quartier-dispatch-reports-" + span.from() + "-" + span.to() + ".csv")
							.build()
							.toString())
				.body(csv(rows)));
	}

	private String csv(List<Statistics.Row> rows) {
		StringBuilder text = new StringBuilder(
				"# Reports per month, category, quarter and channel; groups with fewer than ")
			.append(this.statistics.minimumCount())
			.append(" reports are left out.\r\n")
			.append(CSVFormat.DEFAULT.format("month", "category", "quarter", "channel", "reports"))
			.append("\r\n");
		for (Statistics.Row row : rows) {
			text.append(CSVFormat.DEFAULT.format(row.month(), row.category(),
					(row.quarter() != null) ? row.quarter() : "", row.channel(), row.reports()))
				.append("\r\n");
		}
		return text.toString();
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
