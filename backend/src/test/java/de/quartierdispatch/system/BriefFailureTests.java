package de.quartierdispatch.system;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class BriefFailureTests {

	@Test
	void aDatabaseFailureIsItsTypeAndItsCausesWordsWithoutTheStatement() {
		Exception failure = new DataAccessResourceFailureException(
				"execute; SQL [UPDATE webhook_delivery\n    SET delivered_at = :now\n    WHERE id = :id]; terminating",
				new IOException("terminating connection\n due to administrator command"));

		assertThat(BriefFailure.of(failure)).isEqualTo(
				"DataAccessResourceFailureException (IOException): terminating connection due to administrator command");
	}

	@Test
	void aFailureWithoutCauseIsItsTypeAndMessageOnOneLineAndShort() {
		assertThat(BriefFailure.of(new IllegalStateException("no subscriber\nlives here")))
			.isEqualTo("IllegalStateException: no subscriber lives here");
		assertThat(BriefFailure.of(new IllegalStateException("x".repeat(1000)))).hasSize(300);
		assertThat(BriefFailure.of(new IllegalStateException())).isEqualTo("IllegalStateException");
	}

}
