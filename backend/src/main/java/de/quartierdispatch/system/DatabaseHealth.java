package de.quartierdispatch.system;

import java.time.Duration;

import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.r2dbc.health.ConnectionFactoryHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database's part of health and readiness: Spring Boot's check, DOWN when the
 * database does not answer within {@value #ANSWER_SECONDS} s. A database gone silent (a
 * hung proxy, a frozen host) leaves the pool's connections open, and the check would wait
 * on one of them for as long as the silence lasts: an orchestrator would see its probes
 * time out instead of DOWN, and keep the instance in rotation.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseHealth {

	static final int ANSWER_SECONDS = 3;

	/** Named as Spring Boot's, which it replaces. */
	@Bean
	ReactiveHealthIndicator r2dbcHealthContributor(ConnectionFactory connections) {
		return answeredWithin(new ConnectionFactoryHealthIndicator(connections), Duration.ofSeconds(ANSWER_SECONDS));
	}

	static ReactiveHealthIndicator answeredWithin(ReactiveHealthIndicator check, Duration time) {
		return () -> check.health()
			.timeout(time, Mono.fromSupplier(
					() -> Health.down().withDetail("error", "no answer within " + time.toSeconds() + " s").build()));
	}

}
