package de.quartierdispatch.system;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Request parameters as the API documents them: dates within years 1 to 9999
 * ({@link BoundedDates}); libraries from WebJars cached for good, because their path
 * names their version (a new version is a new path). The application's own files keep the
 * configured revalidation ({@code spring.web.resources.cache}): their paths stay the same
 * from release to release.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

	private static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(new BoundedDates());
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(VERSIONED);
	}

}
