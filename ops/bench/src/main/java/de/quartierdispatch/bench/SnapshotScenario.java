package de.quartierdispatch.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario 4: the snapshot a board loads on start, with the open incidents of a very bad
 * week, fetched as a browser does (gzip), one after another.
 */
final class SnapshotScenario {

	private static final int WARM_UP = 5;

	private static final int MEASURED = 30;

	private SnapshotScenario() {
	}

	static ScenarioResult run(String id, Api api, long openIncidents) {
		String session = api.signIn("dispatcher", AppInstance.DEMO_PASSWORD);
		for (int i = 0; i < WARM_UP; i++) {
			api.snapshot(session).block();
		}
		long[] nanos = new long[MEASURED];
		long[] bytes = new long[MEASURED];
		Api.Snapshot last = null;
		for (int i = 0; i < MEASURED; i++) {
			last = api.snapshot(session).block();
			nanos[i] = last.nanos();
			bytes[i] = last.body().length;
		}
		Arrays.sort(nanos);
		Arrays.sort(bytes);
		JsonNode snapshot = JsonMapper.builder().build().readTree(last.decoded());
		return ScenarioResult.of(id, "Board snapshot with %,d open incidents (gzip)".formatted(openIncidents))
			.figure("incidents_in_snapshot", snapshot.path("incidents").size())
			.figure("compressed_bytes", bytes[MEASURED / 2])
			.figure("uncompressed_bytes", last.decoded().getBytes(StandardCharsets.UTF_8).length)
			.figure("latency_p50_ms", nanos[MEASURED / 2] / 1e6)
			.figure("latency_p95_ms", nanos[(int) Math.ceil(MEASURED * 0.95) - 1] / 1e6)
			.figure("latency_max_ms", nanos[MEASURED - 1] / 1e6)
			.goal("incidents_in_snapshot", ">=", openIncidents)
			.goal("latency_p95_ms", "<=", 300)
			.goal("compressed_bytes", "<=", 1_500_000)
			.note("gzip: " + "gzip".equals(last.contentEncoding()) + ", status " + last.status())
			.build();
	}

}
