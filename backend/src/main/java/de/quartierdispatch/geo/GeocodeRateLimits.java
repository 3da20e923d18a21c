package de.quartierdispatch.geo;

import java.time.Duration;

import de.quartierdispatch.system.RateLimitRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Address searches per client (see {@link GeocoderProperties#lookupsPerMinute()}).
 */
@Configuration(proxyBeanMethods = false)
class GeocodeRateLimits {

	@Bean
	RateLimitRule addressSearches(GeocoderProperties properties) {
		return new RateLimitRule(HttpMethod.GET, "/api/geocode", properties.lookupsPerMinute(), Duration.ofMinutes(1));
	}

	@Bean
	RateLimitRule addressesOfPoints(GeocoderProperties properties) {
		return new RateLimitRule(HttpMethod.GET, "/api/geocode/reverse", properties.lookupsPerMinute(),
				Duration.ofMinutes(1));
	}

}
