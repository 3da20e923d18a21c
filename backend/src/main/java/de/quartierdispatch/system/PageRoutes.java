package de.quartierdispatch.system;

import java.io.IOException;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The pages, each a static HTML file of the frontend module, read once
 * ({@link LoadedResources}). Who may open a staff page is decided by the security
 * configuration; the data on it comes from the APIs.
 */
@Configuration(proxyBeanMethods = false)
class PageRoutes {

	private static final Map<String, String> PAGES = Map.ofEntries(Map.entry("/status", "status.html"),
			Map.entry("/status/{code}", "status.html"), Map.entry("/login", "login.html"),
			Map.entry("/counter", "counter.html"), Map.entry("/board", "board.html"), Map.entry("/field", "field.html"),
			Map.entry("/admin", "admin.html"), Map.entry("/stats", "stats.html"),
			Map.entry("/directory", "directory.html"), Map.entry("/partner", "partner.html"),
			Map.entry("/mfa", "mfa.html"));

	@Bean
	RouterFunction<ServerResponse> pages() throws IOException {
		RouterFunctions.Builder routes = RouterFunctions.route();
		for (Map.Entry<String, String> entry : PAGES.entrySet()) {
			Resource file = new ClassPathResource("static/" + entry.getValue());
			@Nullable Resource page = file.exists() ? LoadedResources.load(file) : null;
			routes.GET(entry.getKey(),
					(request) -> (page != null) ? ServerResponse.ok()
						.contentType(MediaType.TEXT_HTML)
						.cacheControl(CacheControl.noCache())
						.bodyValue(page) : ServerResponse.notFound().build());
		}
		return routes.build();
	}

}
