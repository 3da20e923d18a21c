package de.quartierdispatch.system;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The pages, each a static HTML file of the frontend module ({@link StaticPage}). Who may
 * open a staff page is decided by the security configuration; the data on it comes from
 * the APIs.
 */
@Configuration(proxyBeanMethods = false)
class PageRoutes {

	private static final Map<String, String> PAGES = Map.ofEntries(Map.entry("/", "index.html"),
			Map.entry("/status", "status.html"), Map.entry("/status/", "status.html"),
			Map.entry("/status/{code}", "status.html"), Map.entry("/login", "login.html"),
			Map.entry("/counter", "counter.html"), Map.entry("/board", "board.html"), Map.entry("/admin", "admin.html"),
			Map.entry("/stats", "stats.html"), Map.entry("/directory", "directory.html"),
			Map.entry("/partner", "partner.html"), Map.entry("/mfa", "mfa.html"));

	@Bean
	RouterFunction<ServerResponse> pages() {
		RouterFunctions.Builder routes = RouterFunctions.route();
		PAGES.forEach((path, file) -> routes.route(StaticPage.at(path), StaticPage.of(file)));
		// Its service worker keeps the field app's files by their plain paths (offline).
		routes.route(StaticPage.at("/field"), StaticPage.withPlainPaths("field.html"));
		return routes.build();
	}

}
