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
 * names their version (a new version is a new path). The application's own files are
 * revalidated each time (their date): their paths stay the same from release to release,
 * and a new release is seen at once. Both are served from memory
 * ({@link LoadedResources}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

	private static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private static final CacheControl REVALIDATED = CacheControl.noCache();

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(new BoundedDates());
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(VERSIONED)
			.resourceChain(true)
			.addResolver(new LoadedResources());
		registry.addResourceHandler("/**")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(REVALIDATED)
			.resourceChain(true)
			.addResolver(new LoadedResources());
	}

}
