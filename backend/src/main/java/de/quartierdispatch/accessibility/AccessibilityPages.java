package de.quartierdispatch.accessibility;

import java.time.Duration;

import de.quartierdispatch.system.RateLimitRule;
import de.quartierdispatch.system.StaticPage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
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
			.route(StaticPage.at("/barrierefreiheit"), StaticPage.of("accessibility.html"))
			.route(StaticPage.at("/leichte-sprache"), StaticPage.of("leichte-sprache.html"))
			.build();
	}

	@Bean
	RateLimitRule accessibilityFeedbackLimit() {
		return new RateLimitRule(HttpMethod.POST, "/api/accessibility/feedback", 5, Duration.ofMinutes(10));
	}

}
