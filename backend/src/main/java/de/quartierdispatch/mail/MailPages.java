package de.quartierdispatch.mail;

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
 * The page behind every mail's stop link: it asks before it stops (mail scanners open
 * links; only a person presses the button).
 */
@Configuration(proxyBeanMethods = false)
class MailPages {

	@Bean
	RouterFunction<ServerResponse> mailStopPage() {
		Resource page = new ClassPathResource("static/mail-stop.html");
		return RouterFunctions.route()
			.GET("/mail/stop",
					(request) -> page.exists() ? ServerResponse.ok()
						.contentType(MediaType.TEXT_HTML)
						.cacheControl(CacheControl.noCache())
						.bodyValue(page) : ServerResponse.notFound().build())
			.build();
	}

}
