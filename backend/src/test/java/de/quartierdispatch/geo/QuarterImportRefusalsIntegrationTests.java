package de.quartierdispatch.geo;

import java.time.Duration;

import de.quartierdispatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A boundary whose check runs out of the import's time refuses the file with the feature
 * named, however the driver and Spring wrap PostgreSQL's cancellation.
 */
@IntegrationTest
class QuarterImportRefusalsIntegrationTests {

	@Autowired
	private DatabaseClient db;

	@Autowired
	private TransactionalOperator transactions;

	@Test
	void aStatementOutOfTimeRefusesTheFileNamingTheFeature() {
		Mono<QuarterImportReport> slow = this.db.sql("SET LOCAL statement_timeout = '50ms'")
			.then()
			.then(this.db.sql("SELECT pg_sleep(5)").then())
			.onErrorMap(QuarterImportRefusals::outOfTime,
					(failure) -> QuarterImportRefusals.tooComplex(7, "Z1", "Zickzack"))
			.then(Mono.<QuarterImportReport>empty());
		StepVerifier
			.create(this.transactions.transactional(slow)
				.onErrorResume((failure) -> QuarterImportRefusals.rejected("test", failure)))
			.expectErrorSatisfies((failure) -> {
				assertThat(failure).isInstanceOf(QuarterImportRejectedException.class);
				QuarterImportReport report = ((QuarterImportRejectedException) failure).report();
				assertThat(report.rejected()).singleElement().satisfies((note) -> {
					assertThat(note.feature()).isEqualTo(7);
					assertThat(note.code()).isEqualTo("Z1");
					assertThat(note.reason()).isEqualTo("too-complex");
				});
			})
			.verify(Duration.ofSeconds(4));
	}

	@Test
	void otherFailuresAreNotTakenForOneOutOfTime() {
		assertThat(QuarterImportRefusals.outOfTime(new IllegalStateException("x"))).isFalse();
	}

}
