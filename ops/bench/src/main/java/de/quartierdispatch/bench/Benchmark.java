package de.quartierdispatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.HdrHistogram.Histogram;
import reactor.netty.resources.ConnectionProvider;

/**
 * Runs every scenario of issue 7 {@code BENCH_RUNS} times, each on a fresh database with
 * fresh application instances, and writes the report. Started by
 * {@code ops/bench/run.sh}.
 */
public final class Benchmark {

	private static final int PORT_A = 18081;

	private static final int PORT_B = 18082;

	private static final String CHART = "latency-percentiles.svg";

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchSettings settings = BenchSettings.fromEnvironment(System.getenv());
		String pgbench = System.getenv().getOrDefault("BENCH_PGBENCH", "pgbench");
		Files.createDirectories(settings.workDir());
		BenchDatabase db = new BenchDatabase(settings);
		List<List<ScenarioResult>> runs = new ArrayList<>();
		List<Chart> charts = new ArrayList<>();
		String synchronousCommit = "";
		String serverVersion = "";
		for (int run = 1; run <= settings.runs(); run++) {
			System.out.printf("%n######## Run %d of %d%n", run, settings.runs());
			db.recreate();
			Chart chart = new Chart();
			runs.add(runOnce(settings, db, pgbench, run, chart));
			charts.add(chart);
			synchronousCommit = db.serverSetting("synchronous_commit");
			serverVersion = db.serverSetting("server_version");
		}
		Map<String, Object> environment = new LinkedHashMap<>();
		environment.put("finished", Instant.now().toString());
		environment.put("processors", Runtime.getRuntime().availableProcessors());
		environment.put("memory", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
		environment.put("java", System.getProperty("java.version"));
		environment.put("postgresql", serverVersion);
		environment.put("synchronous_commit (application and pgbench)", synchronousCommit);
		environment.put("application heap limit", "-Xmx" + settings.maxHeap());
		environment.put("load generator, application(s) and database", "on the same machine");
		Chart last = charts.get(charts.size() - 1);
		Files.createDirectories(settings.reportDir());
		Files.writeString(settings.reportDir().resolve(CHART),
				Charts.percentiles("Latency by percentile (last run)",
						List.of(new Charts.Series("intake at " + settings.peakRate() + "/s", last.peak, 1e6),
								new Charts.Series("board, 1 instance", last.fanOutOne, 1e3),
								new Charts.Series("board, 2 instances", last.fanOutTwo, 1e3))));
		ReportWriter.write(settings.reportDir(), environment, runs, CHART);
		System.out.println("\nReport: " + settings.reportDir().resolve("REPORT.md"));
	}

	private static List<ScenarioResult> runOnce(BenchSettings settings, BenchDatabase db, String pgbenchExecutable,
			int run, Chart chart) throws IOException, InterruptedException, SQLException {
		List<ScenarioResult> results = new ArrayList<>();
		ConnectionProvider connections = ConnectionProvider.builder("bench")
			.maxConnections(512)
			.pendingAcquireMaxCount(-1)
			.build();
		try (AppInstance first = AppInstance.start(settings, PORT_A, "run" + run + "-a")) {
			Api api = new Api(first.baseUrl(), connections);
			ReportBodies bodies = new ReportBodies(QuarterPoints.of(db), api.categoryCodes());
			PgBench pgbench = new PgBench(settings, pgbenchExecutable);
			pgbench.prepare(bodies, new SplittableRandom(run), 100);
			IntakeScenarios intake = new IntakeScenarios(api, first.pid(), bodies, pgbench);
			long missing = settings.openIncidents() - db.openIncidents();
			System.out.printf("Submitting %,d reports to reach %,d open incidents%n", missing,
					settings.openIncidents());
			intake.seed(missing);
			results.add(SnapshotScenario.run("4-snapshot", api, db.openIncidents()));
			results.add(intake.ceiling("1-ceiling", settings.concurrencies(), settings.stepDuration()));
			results.add(intake.peak("2-peak", settings.peakRate(), settings.peakDuration()));
			chart.peak = intake.peakLatency();
			BoardFanOut one = new BoardFanOut(List.of(api), db, bodies);
			results.add(one.run("3a-fan-out-one", settings.boards(), settings.eventRate(), settings.fanOutDuration()));
			chart.fanOutOne = one.latencyHistogram();
			try (AppInstance second = AppInstance.start(settings, PORT_B, "run" + run + "-b")) {
				Api other = new Api(second.baseUrl(), connections);
				BoardFanOut two = new BoardFanOut(List.of(api, other), db, bodies);
				results
					.add(two.run("3b-fan-out-two", settings.boards(), settings.eventRate(), settings.fanOutDuration()));
				chart.fanOutTwo = two.latencyHistogram();
				results.add(footprint(settings, first, second));
			}
		}
		finally {
			connections.dispose();
		}
		return results;
	}

	private static ScenarioResult footprint(BenchSettings settings, AppInstance first, AppInstance second)
			throws IOException {
		long outOfMemory = first.logLinesContaining("OutOfMemoryError") + second.logLinesContaining("OutOfMemoryError");
		double limitMb = parseMegabytes(settings.maxHeap());
		return ScenarioResult.of("5-footprint", "Footprint: heap through all scenarios, start-up to readiness")
			.figure("startup_first_s", first.startup().toMillis() / 1000.0)
			.figure("startup_second_s", second.startup().toMillis() / 1000.0)
			.figure("heap_used_max_first_mb", first.maxHeapUsedBytes() / 1048576.0)
			.figure("heap_used_max_second_mb", second.maxHeapUsedBytes() / 1048576.0)
			.figure("out_of_memory_errors", outOfMemory)
			.goal("startup_first_s", "<=", 10)
			.goal("startup_second_s", "<=", 10)
			.goal("heap_used_max_first_mb", "<=", limitMb)
			.goal("heap_used_max_second_mb", "<=", limitMb)
			.goal("out_of_memory_errors", "==", 0)
			.note("both instances run with -Xmx" + settings.maxHeap()
					+ ": the JVM cannot grow past it, so the goal is that everything above ran within it (no"
					+ " OutOfMemoryError); the heap figures are the highest once-a-second samples")
			.build();
	}

	private static double parseMegabytes(String size) {
		String lower = size.toLowerCase(Locale.ROOT);
		double value = Double.parseDouble(lower.replaceAll("[^0-9.]", ""));
		return lower.endsWith("g") ? value * 1024 : value;
	}

	/** The histograms of a run that go into the chart. */
	private static final class Chart {

		private Histogram peak;

		private Histogram fanOutOne;

		private Histogram fanOutTwo;

	}

}
