package de.quartierdispatch.security;

import java.time.Duration;

import de.quartierdispatch.system.RateLimitRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Sign-in attempts per client address: enough for typos, too few for guessing.
 */
@Configuration(proxyBeanMethods = false)
class SignInRateLimits {

	@Bean
	RateLimitRule signInAttempts(SecurityProperties properties) {
		return new RateLimitRule(HttpMethod.POST, "/api/auth/login", properties.signInAttemptsPerMinute(),
				Duration.ofMinutes(1));
	}

}
