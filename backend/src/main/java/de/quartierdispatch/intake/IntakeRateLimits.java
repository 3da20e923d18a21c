package de.quartierdispatch.intake;

import java.time.Duration;

import de.quartierdispatch.system.RateLimitRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The intake's allowances: public submissions, status lookups (so that tracking codes
 * cannot be enumerated), and the counter's look at open incidents nearby.
 */
@Configuration(proxyBeanMethods = false)
class IntakeRateLimits {

	@Bean
	RateLimitRule publicSubmissions(IntakeProperties properties) {
		return new RateLimitRule(HttpMethod.POST, "/api/reports", properties.submissionsPerClient(),
				properties.submissionWindow());
	}

	@Bean
	RateLimitRule stillAProblem(IntakeProperties properties) {
		return new RateLimitRule(HttpMethod.POST, "/api/reports/{code}/still-a-problem",
				properties.statusLookupsPerMinute(), Duration.ofMinutes(1));
	}

	/**
	 * Counter staff see open incidents city-wide with an excerpt of their text: a person
	 * entering reports asks a few times a minute, a script walking the map many times
	 * that.
	 */
	@Bean
	RateLimitRule counterNearby(IntakeProperties properties) {
		return new RateLimitRule(HttpMethod.GET, "/api/counter/nearby", properties.counterNearbyPerMinute(),
				Duration.ofMinutes(1));
	}

	@Bean
	RateLimitRule statusLookups(IntakeProperties properties) {
		return new RateLimitRule(HttpMethod.GET, "/api/reports/{code}", properties.statusLookupsPerMinute(),
				Duration.ofMinutes(1));
	}

}
