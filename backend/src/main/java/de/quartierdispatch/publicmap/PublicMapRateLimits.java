package de.quartierdispatch.publicmap;

import java.time.Duration;

import de.quartierdispatch.system.RateLimitRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The public map is limited per client: it is no bulk export of what the city is working
 * on.
 */
@Configuration(proxyBeanMethods = false)
class PublicMapRateLimits {

	@Bean
	RateLimitRule openReportLookups(PublicMapProperties properties) {
		return new RateLimitRule(HttpMethod.GET, "/api/open-reports", properties.lookupsPerMinute(),
				Duration.ofMinutes(1));
	}

}
