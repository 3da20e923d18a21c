package de.quartierdispatch.category;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application keeps the categories in memory for a minute at most; a change made
 * behind its back, in SQL, reaches it at once through the table's notification.
 */
@IntegrationTest
class CategoryChangesIntegrationTests {

	/** Well below the copy's longest life: only the notification can pass this. */
	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	private WebTestClient client;

	@Test
	void aCategoryAddedOrRemovedInSqlIsListedOrNotAtOnce() throws SQLException {
		String code = "TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
		assertThat(listedCodes()).contains("NOISE").doesNotContain(code);
		execute("INSERT INTO report_category (code, icon, sort_order, labels) VALUES ('" + code + "', 'other', 99, "
				+ "'{\"de\": \"Test\", \"en\": \"Test\", \"ar\": \"Test\", \"fa\": \"Test\", \"tr\": \"Test\", "
				+ "\"uk\": \"Test\", \"ro\": \"Test\", \"bg\": \"Test\"}')");
		try {
			await().atMost(WAIT).until(() -> listedCodes().contains(code));
		}
		finally {
			execute("DELETE FROM report_category WHERE code = '" + code + "'");
		}
		await().atMost(WAIT).until(() -> !listedCodes().contains(code));
	}

	@Test
	void aCategoryDeactivatedInSqlIsRefusedAtOnceAndAcceptedAgainWhenReactivated() throws SQLException {
		assertThat(submit("VANDALISM")).isEqualTo(201);
		execute("UPDATE report_category SET active = false WHERE code = 'VANDALISM'");
		try {
			await().atMost(WAIT).until(() -> submit("VANDALISM") == 422);
			// Still listed, retired: it names the reports filed under it.
			activeIs("VANDALISM", false);
		}
		finally {
			execute("UPDATE report_category SET active = true WHERE code = 'VANDALISM'");
		}
		await().atMost(WAIT).until(() -> submit("VANDALISM") == 201);
		activeIs("VANDALISM", true);
	}

	private String listedCodes() {
		return this.client.get()
			.uri("/api/categories")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private void activeIs(String code, boolean active) {
		this.client.get()
			.uri("/api/categories")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.code == '" + code + "')].active")
			.isEqualTo(active);
	}

	private int submit(String category) {
		return this.client.post()
			.uri("/api/reports")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.bodyValue(Map.of("category", category, "description", "Testmeldung " + UUID.randomUUID(), "location",
					Map.of("lat", 51.5423, "lon", 6.9681), "language", "de"))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = TestDatabase.connectToTestDatabase();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
