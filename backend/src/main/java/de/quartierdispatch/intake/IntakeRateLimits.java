package de.quartierdispatch.intake;

import java.time.Duration;

import de.quartierdispatch.system.RateLimitRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The public side's allowances: submissions, and status lookups (so that tracking codes
 * cannot be enumerated).
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

	@Bean
	RateLimitRule statusLookups(IntakeProperties properties) {
		return new RateLimitRule(HttpMethod.GET, "/api/reports/{code}", properties.statusLookupsPerMinute(),
				Duration.ofMinutes(1));
	}

}
