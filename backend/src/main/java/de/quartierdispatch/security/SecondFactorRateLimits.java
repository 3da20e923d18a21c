package de.quartierdispatch.security;

import java.time.Duration;

import de.quartierdispatch.system.RateLimitRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Code attempts per client address, as many as sign-in attempts: the account's lock after
 * failures in a row applies to codes as well (see {@link SecondFactorSignIn}).
 */
@Configuration(proxyBeanMethods = false)
class SecondFactorRateLimits {

	@Bean
	RateLimitRule secondFactorAttempts(SecurityProperties properties) {
		return new RateLimitRule(HttpMethod.POST, "/api/auth/mfa/**", properties.signInAttemptsPerMinute(),
				Duration.ofMinutes(1));
	}

}
