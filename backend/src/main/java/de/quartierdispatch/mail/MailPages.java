package de.quartierdispatch.mail;

import de.quartierdispatch.system.StaticPage;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
		return RouterFunctions.route().route(StaticPage.at("/mail/stop"), StaticPage.of("mail-stop.html")).build();
	}

}
