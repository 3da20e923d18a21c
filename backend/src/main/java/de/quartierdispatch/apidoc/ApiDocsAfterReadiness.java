package de.quartierdispatch.apidoc;

import org.springdoc.api.AbstractOpenApiResource;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * springdoc builds the API description for every language in a background thread as soon
 * as its endpoint bean is created (pre-loading, so that no request waits seconds for it).
 * Created during start-up, that thread competes with the start itself, which on a one-CPU
 * VM delays readiness by seconds. So the endpoint bean is created lazily, and right after
 * the application has announced that it is ready to serve, which starts the pre-loading
 * then. (springdoc's other beans stay eager: created lazily, they describe a different
 * document.)
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsAfterReadiness {

	@Bean
	static BeanFactoryPostProcessor apiDocsCreatedLazily() {
		return (beanFactory) -> {
			for (String name : beanFactory.getBeanNamesForType(AbstractOpenApiResource.class, true, false)) {
				beanFactory.getBeanDefinition(name).setLazyInit(true);
			}
		};
	}

	@EventListener
	void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
		if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC
				&& event.getSource() instanceof ConfigurableApplicationContext context) {
			// Beside the readiness event, not inside it: the announcement must not wait.
			Schedulers.boundedElastic().schedule(() -> {
				if (context.isActive()) {
					context.getBeansOfType(AbstractOpenApiResource.class);
				}
			});
		}
	}

}
