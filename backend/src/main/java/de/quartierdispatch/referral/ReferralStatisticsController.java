package de.quartierdispatch.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import de.quartierdispatch.routing.RoutingProperties;
import de.quartierdispatch.system.InvalidFieldsException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anonymised referral statistics for analysts and administrators (last 12 months unless a
 * span is given, at most 3 years).
 */
@RestController
class ReferralStatisticsController {

	private static final Period LONGEST = Period.ofYears(3);

	private final ReferralStatistics statistics;

	private final ZoneId zone;

	private final Clock clock;

	ReferralStatisticsController(ReferralStatistics statistics, RoutingProperties routing, Clock clock) {
		this.statistics = statistics;
		this.zone = routing.zone();
		this.clock = clock;
	}

	@GetMapping(path = "/api/stats/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<String> summary(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		LocalDate end = (to != null) ? to : LocalDate.ofInstant(this.clock.instant(), this.zone);
		LocalDate start = (from != null) ? from : end.minusMonths(12).plusDays(1);
		if (start.isAfter(end)) {
			return Mono.error(new InvalidFieldsException("from", "stats.from-after-to"));
		}
		if (start.plus(LONGEST).isBefore(end)) {
			return Mono.error(new InvalidFieldsException("to", "stats.too-long", LONGEST.getYears()));
		}
		return this.statistics.summary(start, end);
	}

}
