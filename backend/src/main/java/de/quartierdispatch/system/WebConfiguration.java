package de.quartierdispatch.system;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.Compression;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Request parameters as the API documents them: dates within years 1 to 9999
 * ({@link BoundedDates}; whole numbers: {@link DecimalNumbers}); files cached for good
 * where their path names their version: libraries from WebJars, and the application's own
 * files under the release's path ({@link FrontendRelease}), which its pages use. Under
 * their plain paths (the field app's service worker, an old page) they are revalidated
 * each time. All are served from memory ({@link LoadedResources}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

	private static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private static final CacheControl REVALIDATED = CacheControl.noCache();

	/** The server's compression settings, which the files' gzip form follows too. */
	private final Compression compression;

	WebConfiguration(ObjectProvider<ServerProperties> server) {
		ServerProperties properties = server.getIfAvailable();
		this.compression = (properties != null) ? properties.getCompression() : new Compression();
	}

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
			.addResolver(new LoadedResources(this.compression));
		// Only the pages' styles and scripts: nothing else is reached under the release.
		for (String folder : FrontendRelease.FOLDERS) {
			registry.addResourceHandler(FrontendRelease.PREFIX + FrontendRelease.tag() + "/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(VERSIONED)
				.resourceChain(true)
				.addResolver(new LoadedResources(this.compression));
		}
		registry.addResourceHandler("/**")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(REVALIDATED)
			.resourceChain(true)
			.addResolver(new LoadedResources(this.compression));
	}

}
