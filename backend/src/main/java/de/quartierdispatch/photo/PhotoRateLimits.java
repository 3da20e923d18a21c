package de.quartierdispatch.photo;

import de.quartierdispatch.system.RateLimitRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Residents' photo uploads are limited per client like their submissions.
 */
@Configuration(proxyBeanMethods = false)
class PhotoRateLimits {

	@Bean
	RateLimitRule photoUploads(PhotoProperties properties) {
		return new RateLimitRule(HttpMethod.POST, "/api/reports/{code}/photos", properties.uploadsPerClient(),
				properties.uploadWindowLimit());
	}

}
