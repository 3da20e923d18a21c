package de.quartierdispatch.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The pages' budgets, measured in headless Chromium against the first instance while it
 * holds the benchmark's open incidents: the board (issue 14) and the field app on a slow
 * connection (issue 12). Their limits are the issues' own, in milliseconds and bytes: a
 * browser's work has no same-run limit to compare with.
 */
final class BrowserBudgets {

	private static final int FIELD_LOADS = 3;

	private static final int TLS_PORT = 18089;

	private BrowserBudgets() {
	}

	static ScenarioResult run(String id, BenchSettings settings, AppInstance app, long openIncidents) {
		ScenarioResult.Builder result = ScenarioResult.of(id, "Pages in the browser: the board with " + openIncidents
				+ " open incidents; the field app on " + "400 kbit/s with 400 ms round trips, and offline");
		String jdbc = settings.jdbcUrl(settings.database());
		try {
			Map<String, Object> board = new BoardPageBudget(app.baseUrl(), AppInstance.DEMO_PASSWORD, jdbc,
					settings.dbUser(), settings.dbPassword(), (int) Math.min(openIncidents, Integer.MAX_VALUE))
				.measure();
			List<Double> events = numbers(board.get("live_event_ms"));
			result.figure("board_usable_ms", (Double) board.get("usable_ms"))
				.figure("board_usable_new_tab_ms", (Double) board.get("usable_new_tab_ms"))
				.figure("board_js_heap_mb", (Double) board.get("js_heap_mb"))
				.figure("board_live_event_median_ms", Medians.of(events))
				.figure("board_live_event_max_ms",
						events.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
		}
		catch (RuntimeException ex) {
			result.note("the board was not measured: " + ex.getMessage().lines().findFirst().orElse(""));
		}
		try {
			Map<String, Object> field = new FieldColdLoad(app.baseUrl(), AppInstance.DEMO_PASSWORD, jdbc,
					settings.dbUser(), settings.dbPassword())
				.measure(FIELD_LOADS);
			result.figure("field_cold_usable_ms", Medians.of(numbers(field.get("cold_usable_ms"))))
				.figure("field_cold_kb", Medians.of(numbers(field.get("cold_bytes"))) / 1024)
				.figure("field_offline_usable_ms", Medians.of(numbers(field.get("offline_usable_ms"))));
		}
		catch (RuntimeException | java.sql.SQLException ex) {
			result.note("the field app was not measured: "
					+ String.valueOf(ex.getMessage()).lines().findFirst().orElse(""));
		}
		try (AppInstance tls = AppInstance.startWithTls(settings, TLS_PORT, id + "-tls")) {
			Map<String, Object> field = new FieldColdLoad(tls.baseUrl(), AppInstance.DEMO_PASSWORD, jdbc,
					settings.dbUser(), settings.dbPassword())
				.measureCold(FIELD_LOADS);
			result.figure("field_cold_h2_usable_ms", Medians.of(numbers(field.get("cold_usable_ms"))))
				.figure("field_cold_h2_kb", Medians.of(numbers(field.get("cold_bytes"))) / 1024);
		}
		catch (IOException | RuntimeException | java.sql.SQLException ex) {
			result.note("the field app over HTTP/2 was not measured: "
					+ String.valueOf(ex.getMessage()).lines().findFirst().orElse(""));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return result
			.goal("board_usable_ms", "<=", BoardPageBudget.USABLE_LIMIT_MS,
					"navigation to queue and map drawn, in the tab signed in with, median of 3")
			.goal("board_js_heap_mb", "<=", BoardPageBudget.HEAP_LIMIT_MB, "the tab's JavaScript heap after loading")
			.goal("board_live_event_max_ms", "<=", BoardPageBudget.EVENT_LIMIT_MS,
					"WebSocket message to the end of the DOM changes it caused")
			.goal("field_cold_h2_usable_ms", "<=", FieldColdLoad.COLD_LIMIT_MS,
					"list drawn, HTTPS with HTTP/2 as deployed, median of 3")
			.goal("field_cold_h2_kb", "<=", FieldColdLoad.BYTES_LIMIT / 1024, "everything the cold load fetched")
			.goal("field_cold_kb", "<=", FieldColdLoad.BYTES_LIMIT / 1024, "the same over HTTP/1.1")
			.goal("field_offline_usable_ms", "<=", FieldColdLoad.OFFLINE_LIMIT_MS, "second visit, network off")
			.note("one headless Chromium on the same machine as the load generator, application and database; "
					+ "the field app is measured as deployed, over HTTPS with HTTP/2 (a second instance with a "
					+ "certificate made for the run; README, \"Installing it\"), and for reference over plain "
					+ "HTTP/1.1 (field_cold_usable_ms, no goal: six connections per server, taken in turns); the board is "
					+ "also loaded in a new tab (board_usable_new_tab_ms, no goal: it includes the browser's own work "
					+ "on a new tab's window, which here takes turns with the server for two processors)")
			.build();
	}

	@SuppressWarnings("unchecked")
	private static List<Double> numbers(Object list) {
		return (List<Double>) list;
	}

}
