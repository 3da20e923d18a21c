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
		ConnectionProvider logConnections = ConnectionProvider.builder("statement-log").maxConnections(8).build();
		LoggedSubmission logged;
		try {
			System.out.println("Logging one submission and one snapshot (log_statement = all, a database of its own)");
			logged = LoggedSubmission.capture(settings, db, logConnections);
		}
		finally {
			logConnections.dispose();
		}
		System.out.println("   " + logged.roundTrips() + " statements per submission; template "
				+ (logged.templateMismatch().isEmpty() ? "matches the log" : "differs: " + logged.templateMismatch()));
		StartupScenario startup = new StartupScenario(settings, db, settings.benchJar());
		List<List<ScenarioResult>> runs = new ArrayList<>();
		List<Chart> charts = new ArrayList<>();
		String synchronousCommit = "";
		String serverVersion = "";
		for (int run = 1; run <= settings.runs(); run++) {
			System.out.printf("%n######## Run %d of %d%n", run, settings.runs());
			db.recreate();
			Chart chart = new Chart();
			List<ScenarioResult> results = runOnce(settings, db, pgbench, logged, run, chart);
			try {
				results.add(startup.run("5b-startup"));
			}
			catch (IOException | SQLException | RuntimeException ex) {
				results.add(StartupScenario.failed("5b-startup", ex));
			}
			runs.add(results);
			charts.add(chart);
			synchronousCommit = db.serverSetting("synchronous_commit");
			serverVersion = db.serverSetting("server_version");
			// The report so far: a long benchmark cut short still leaves its finished
			// runs.
			writeReport(settings, runs, charts, synchronousCommit, serverVersion);
		}
		System.out.println("\nReport: " + settings.reportDir().resolve("REPORT.md"));
	}

	private static void writeReport(BenchSettings settings, List<List<ScenarioResult>> runs, List<Chart> charts,
			String synchronousCommit, String serverVersion) throws IOException {
		Map<String, Object> environment = new LinkedHashMap<>();
		environment.put("finished", Instant.now().toString());
		environment.put("processors", Runtime.getRuntime().availableProcessors());
		environment.put("memory", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
		environment.put("java", System.getProperty("java.version"));
		environment.put("postgresql", serverVersion);
		environment.put("synchronous_commit (application and pgbench)", synchronousCommit);
		environment.put("application JVM (as on a small VM)",
				AppInstance.jvmOptions(settings.maxHeap()) + ", MALLOC_ARENA_MAX=2");
		environment.put("load generator, application(s) and database", "on the same machine");
		// The machine may be shared: what else ran shows in its load.
		environment.put("load average (1, 5, 15 min) when finished",
				Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0] + ", "
						+ Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[1] + ", "
						+ Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[2]);
		Chart last = charts.get(charts.size() - 1);
		Files.createDirectories(settings.reportDir());
		Files.writeString(settings.reportDir().resolve(CHART),
				Charts.percentiles("Latency by percentile (last run)",
						List.of(new Charts.Series("intake at " + settings.peakRate() + "/s", last.peak, 1e6),
								new Charts.Series("pgbench at " + settings.peakRate() + "/s", last.peakDb, 1e6),
								new Charts.Series("board, 1 instance", last.fanOutOne, 1e3),
								new Charts.Series("board, 2 instances", last.fanOutTwo, 1e3))));
		ReportWriter.write(settings.reportDir(), environment, runs, CHART);
	}

	private static List<ScenarioResult> runOnce(BenchSettings settings, BenchDatabase db, String pgbenchExecutable,
			LoggedSubmission logged, int run, Chart chart) throws IOException, InterruptedException, SQLException {
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
			WrkLoad wrk = WrkLoad.prepare(System.getenv().getOrDefault("BENCH_WRK", "wrk"), settings.workDir(), api,
					bodies, new SplittableRandom(run), 100);
			IntakeScenarios intake = new IntakeScenarios(api, first.pid(), bodies, pgbench, wrk, logged);
			long missing = settings.openIncidents() - db.openIncidents();
			System.out.printf("Submitting %,d reports to reach %,d open incidents%n", missing,
					settings.openIncidents());
			// The first instance's resident high-water mark after each step: where it
			// grows.
			Map<String, Double> highWater = new LinkedHashMap<>();
			highWater.put("started", first.peakResidentBytes() / 1048576.0);
			intake.seed(missing);
			highWater.put("seeded", first.peakResidentBytes() / 1048576.0);
			results.add(SnapshotScenario.run("4-snapshot", api, db, logged.snapshotSql(), db.openIncidents()));
			highWater.put("4_snapshot", first.peakResidentBytes() / 1048576.0);
			results.add(BrowserBudgets.run("6-browser", settings, first, db.openIncidents()));
			highWater.put("6_browser", first.peakResidentBytes() / 1048576.0);
			results.add(intake.ceiling("1-ceiling", settings.concurrencies(), settings.stepDuration()));
			highWater.put("1_ceiling", first.peakResidentBytes() / 1048576.0);
			results.add(intake.peak("2-peak", settings.peakRate(), settings.peakDuration()));
			highWater.put("2_peak", first.peakResidentBytes() / 1048576.0);
			chart.peak = intake.peakLatency();
			chart.peakDb = intake.peakDbLatency();
			BoardFanOut one = new BoardFanOut(List.of(api), db, bodies);
			results.add(one.run("3a-fan-out-one", settings.boards(), settings.eventRate(), settings.fanOutDuration()));
			chart.fanOutOne = one.latencyHistogram();
			highWater.put("3a_fan_out_one", first.peakResidentBytes() / 1048576.0);
			try (AppInstance second = AppInstance.start(settings, PORT_B, "run" + run + "-b")) {
				Api other = new Api(second.baseUrl(), connections);
				BoardFanOut two = new BoardFanOut(List.of(api, other), db, bodies);
				// The second instance has just started, while the first has served every
				// scenario before: an unmeasured round of the same load first gives its
				// compiler the same head start. Its figure is kept as a note.
				ScenarioResult warmUp = two.run("3b-warm-up", settings.boards(), settings.eventRate(),
						settings.fanOutDuration());
				results.add(two
					.run("3b-fan-out-two", settings.boards(), settings.eventRate(), settings.fanOutDuration())
					.withNote(
							"after an unmeasured round of the same load on the just-started second instance (its p99 was %.0f ms over the bare LISTEN client's)"
								.formatted(warmUp.figures().get("p99_over_bare_listen_ms"))));
				chart.fanOutTwo = two.latencyHistogram();
				highWater.put("3b_fan_out_two", first.peakResidentBytes() / 1048576.0);
				results.add(footprint(settings, first, second, highWater));
			}
		}
		finally {
			connections.dispose();
		}
		return results;
	}

	private static ScenarioResult footprint(BenchSettings settings, AppInstance first, AppInstance second,
			Map<String, Double> firstHighWater) throws IOException {
		long outOfMemory = first.logLinesContaining("OutOfMemoryError") + second.logLinesContaining("OutOfMemoryError");
		double limitMb = parseMegabytes(settings.maxHeap());
		ScenarioResult.Builder result = ScenarioResult.of("5-footprint",
				"Footprint: resident memory and heap through all scenarios, "
						+ AppInstance.jvmOptions(settings.maxHeap()));
		firstHighWater.forEach((step, mb) -> result.figure("rss_first_after_" + step + "_mb", mb));
		return result.figure("rss_peak_first_mb", first.peakResidentBytes() / 1048576.0)
			.figure("rss_peak_second_mb", second.peakResidentBytes() / 1048576.0)
			.figure("heap_used_max_first_mb", first.maxHeapUsedBytes() / 1048576.0)
			.figure("heap_used_max_second_mb", second.maxHeapUsedBytes() / 1048576.0)
			.figure("heap_limit_mb", limitMb)
			.figure("startup_first_s", first.startup().toMillis() / 1000.0)
			.figure("startup_second_s", second.startup().toMillis() / 1000.0)
			.figure("out_of_memory_errors", outOfMemory)
			.goal("rss_peak_first_mb", "<=", 512, "VmHWM of the first instance (all scenarios)")
			.goal("rss_peak_second_mb", "<=", 512, "VmHWM of the second instance (fan-out over two)")
			.goal("out_of_memory_errors", "==", 0)
			.note("resident memory is the process's high-water mark (VmHWM in /proc/<pid>/status) after the"
					+ " last scenario (rss_first_after_*: the first instance's, after each step); heap figures are the highest once-a-second samples; start-up figures are"
					+ " unpinned, the first on a fresh database (migrations and demo data included)")
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

		private Histogram peakDb;

		private Histogram fanOutOne;

		private Histogram fanOutTwo;

	}

}
