package de.quartierdispatch.open311;

import java.time.Duration;

import de.quartierdispatch.system.RateLimitRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Per-client allowances in front of Open311, before a body is read: submissions (each key
 * also has its own hourly allowance, see {@link PartnerAccess}), and token lookups
 * (tracking codes must not be enumerable).
 */
@Configuration(proxyBeanMethods = false)
class Open311RateLimits {

	@Bean
	RateLimitRule open311Submissions(Open311Properties properties) {
		return new RateLimitRule(HttpMethod.POST, "/open311/v2/requests", properties.requestsPerClient(),
				Duration.ofMinutes(1));
	}

	@Bean
	RateLimitRule open311SubmissionsWithFormat(Open311Properties properties) {
		return new RateLimitRule(HttpMethod.POST, "/open311/v2/requests.{format}", properties.requestsPerClient(),
				Duration.ofMinutes(1));
	}

	@Bean
	RateLimitRule open311TokenLookups(Open311Properties properties) {
		return new RateLimitRule(HttpMethod.GET, "/open311/v2/tokens/{token}", properties.tokenLookupsPerMinute(),
				Duration.ofMinutes(1));
	}

}
