package de.quartierdispatch.geo;

import java.time.Duration;

import de.quartierdispatch.system.RateLimitRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Address searches per client: generous for typing, not for harvesting the gazetteer.
 */
@Configuration(proxyBeanMethods = false)
class GeocodeRateLimits {

	@Bean
	RateLimitRule addressSearches() {
		return new RateLimitRule(HttpMethod.GET, "/api/geocode", 120, Duration.ofMinutes(1));
	}

}
