package de.quartierdispatch.mail;

import java.time.Duration;

import de.quartierdispatch.system.RateLimitRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Stop tokens cannot be guessed; the limit keeps anyone from trying.
 */
@Configuration(proxyBeanMethods = false)
class MailRateLimits {

	@Bean
	RateLimitRule mailStops() {
		return new RateLimitRule(HttpMethod.POST, "/api/mail/stop", 30, Duration.ofMinutes(1));
	}

}
