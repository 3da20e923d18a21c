package de.quartierdispatch.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario 4: the snapshot a board loads on start, with the open incidents of a very bad
 * week, fetched as a browser does (gzip), one after another. Its limit, in the same run:
 * the snapshot's query as the application sends it (from the statement log), run alone
 * over plain JDBC, the JSON text read to the end. The two alternate, so that both see the
 * same machine.
 */
final class SnapshotScenario {

	private static final int WARM_UP = 5;

	private static final int MEASURED = 30;

	private SnapshotScenario() {
	}

	static ScenarioResult run(String id, Api api, BenchDatabase db, List<String> snapshotSql, long openIncidents)
			throws SQLException {
		String session = api.signIn("dispatcher", AppInstance.DEMO_PASSWORD);
		long[] nanos = new long[MEASURED];
		long[] dbNanos = new long[MEASURED];
		long[] bytes = new long[MEASURED];
		Api.Snapshot last = null;
		long dbChars = 0;
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			// The application's connections run without JIT (see its configuration).
			statement.execute("SET jit = off");
			for (int i = 0; i < WARM_UP; i++) {
				api.snapshot(session).block();
				query(statement, snapshotSql);
			}
			for (int i = 0; i < MEASURED; i++) {
				last = api.snapshot(session).block();
				nanos[i] = last.nanos();
				bytes[i] = last.body().length;
				long start = System.nanoTime();
				dbChars = query(statement, snapshotSql);
				dbNanos[i] = System.nanoTime() - start;
			}
		}
		Arrays.sort(nanos);
		Arrays.sort(dbNanos);
		Arrays.sort(bytes);
		int p95 = (int) Math.ceil(MEASURED * 0.95) - 1;
		JsonNode snapshot = JsonMapper.builder().build().readTree(last.decoded());
		return ScenarioResult.of(id, "Board snapshot with %,d open incidents (gzip)".formatted(openIncidents))
			.figure("incidents_in_snapshot", snapshot.path("incidents").size())
			.figure("compressed_bytes", bytes[MEASURED / 2])
			.figure("uncompressed_bytes", last.decoded().getBytes(StandardCharsets.UTF_8).length)
			.figure("latency_p50_ms", nanos[MEASURED / 2] / 1e6)
			.figure("latency_p95_ms", nanos[p95] / 1e6)
			.figure("latency_max_ms", nanos[MEASURED - 1] / 1e6)
			.figure("db_alone_p50_ms", dbNanos[MEASURED / 2] / 1e6)
			.figure("db_alone_p95_ms", dbNanos[p95] / 1e6)
			.figure("http_over_db_p50", (double) nanos[MEASURED / 2] / dbNanos[MEASURED / 2])
			.figure("http_over_db_p95", (double) nanos[p95] / dbNanos[p95])
			.goal("incidents_in_snapshot", ">=", openIncidents)
			.goal("http_over_db_p50", "<=", 1.5, "HTTP answer (gzip) ÷ the same query alone over JDBC, medians")
			.goal("compressed_bytes", "<=", 1_500_000)
			.note("gzip: " + "gzip".equals(last.contentEncoding()) + ", status " + last.status()
					+ "; the query alone returned %,d characters of JSON".formatted(dbChars))
			.build();
	}

	/**
	 * The snapshot's statements in one transaction that reads one view of the data, as
	 * the application runs them; every row's text read.
	 */
	private static long query(Statement statement, List<String> statements) throws SQLException {
		Connection connection = statement.getConnection();
		connection.setAutoCommit(false);
		connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		connection.setReadOnly(true);
		long chars = 0;
		try {
			for (String sql : statements) {
				try (ResultSet rows = statement.executeQuery(sql)) {
					while (rows.next()) {
						chars += rows.getString(1).length();
					}
				}
			}
		}
		finally {
			connection.commit();
			connection.setReadOnly(false);
			connection.setAutoCommit(true);
		}
		return chars;
	}

}
