package de.quartierdispatch.system;

import java.util.Set;
import java.util.stream.Collectors;

import de.quartierdispatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests are counted per route template; Micrometer stops counting new templates once
 * its cap is reached, silently but for one warning. The cap must leave room for every
 * route, and as many again for the pages, the actuator and the fixed tags (NOT_FOUND,
 * REDIRECTION).
 */
@IntegrationTest
class RequestMetricsIntegrationTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping routes;

	@Value("${management.metrics.web.server.max-uri-tags}")
	private int maxUriTags;

	@Test
	void everyRouteIsCountedWithRoomToSpare() {
		Set<String> templates = this.routes.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap((route) -> route.getPatternsCondition().getPatterns().stream())
			.map(PathPattern::getPatternString)
			.collect(Collectors.toSet());
		assertThat(templates).hasSizeGreaterThan(100);
		assertThat(this.maxUriTags).isGreaterThanOrEqualTo(2 * templates.size());
	}

}
