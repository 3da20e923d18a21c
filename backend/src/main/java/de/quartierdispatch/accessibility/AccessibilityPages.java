package de.quartierdispatch.accessibility;

import java.time.Duration;

import de.quartierdispatch.system.RateLimitRule;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The statement's page ({@code /barrierefreiheit}) and the Leichte Sprache page
 * ({@code /leichte-sprache}), linked from every public page; feedback is rate-limited per
 * client.
 */
@Configuration(proxyBeanMethods = false)
class AccessibilityPages {

	@Bean
	RouterFunction<ServerResponse> accessibilityPageRoutes() {
		return RouterFunctions.route()
			.GET("/barrierefreiheit", (request) -> page("accessibility.html"))
			.GET("/leichte-sprache", (request) -> page("leichte-sprache.html"))
			.build();
	}

	@Bean
	RateLimitRule accessibilityFeedbackLimit() {
		return new RateLimitRule(HttpMethod.POST, "/api/accessibility/feedback", 5, Duration.ofMinutes(10));
	}

	private static Mono<ServerResponse> page(String file) {
		Resource page = new ClassPathResource("static/" + file);
		return page.exists() ? ServerResponse.ok()
			.contentType(MediaType.TEXT_HTML)
			.cacheControl(CacheControl.noCache())
			.bodyValue(page) : ServerResponse.notFound().build();
	}

}
