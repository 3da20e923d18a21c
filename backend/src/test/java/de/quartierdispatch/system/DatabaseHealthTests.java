package de.quartierdispatch.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseHealthTests {

	@Test
	void aDatabaseThatDoesNotAnswerIsDownWhenTheTimeIsUpNotWhenItAnswersAtLast() {
		ReactiveHealthIndicator silent = Mono::never;
		StepVerifier.withVirtualTime(() -> DatabaseHealth.answeredWithin(silent, Duration.ofSeconds(3)).health())
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(2999))
			.thenAwait(Duration.ofMillis(1))
			.assertNext((health) -> {
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("error", "no answer within 3 s");
			})
			.verifyComplete();
	}

	@Test
	void anAnswerInTimeIsPassedOn() {
		ReactiveHealthIndicator answering = () -> Mono.just(Health.up().build());
		StepVerifier.create(DatabaseHealth.answeredWithin(answering, Duration.ofSeconds(3)).health())
			.assertNext((health) -> assertThat(health.getStatus()).isEqualTo(Status.UP))
			.verifyComplete();
	}

}
