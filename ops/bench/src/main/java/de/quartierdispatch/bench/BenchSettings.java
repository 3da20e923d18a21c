package de.quartierdispatch.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a benchmark run uses: the database server, the application jar, where the report
 * goes, and the scenarios' sizes. Defaults are the goals; environment variables
 * (set by run.sh) may shorten a trial run.
 *
 * @param dbHost database host
 * @param dbPort database port
 * @param dbUser a role that may create databases (it also runs the migrations)
 * @param dbPassword its password
 * @param database the database each run recreates
 * @param appJar the application jar
 * @param benchJar this load generator's jar (it holds the bare WebFlux application)
 * @param workDir logs and pgbench scripts of this invocation
 * @param reportDir where the report is written
 * @param runs how many times every scenario runs (each on a fresh database)
 * @param openIncidents open incidents before the snapshot scenario
 * @param concurrencies the intake ceiling's concurrency steps
 * @param stepDuration how long each step runs, for the application and for pgbench
 * @param peakRate submissions per second in the latency scenario
 * @param peakDuration its duration
 * @param boards board connections in the fan-out scenario
 * @param eventRate incident changes per second there
 * @param fanOutDuration its duration
 * @param maxHeap the application's heap limit (-Xmx): a small VM's
 * @param appJavaOptions further JVM options for the application (profiling)
 */
record BenchSettings(String dbHost, int dbPort, String dbUser, String dbPassword, String database, Path appJar,
		Path benchJar, Path workDir, Path reportDir, int runs, int openIncidents, List<Integer> concurrencies,
		Duration stepDuration, int peakRate, Duration peakDuration, int boards, int eventRate, Duration fanOutDuration,
		String maxHeap, List<String> appJavaOptions) {

	static BenchSettings fromEnvironment(Map<String, String> env) {
		return new BenchSettings(env.getOrDefault("DB_HOST", "localhost"),
				Integer.parseInt(env.getOrDefault("DB_PORT", "5432")), env.getOrDefault("DB_USER", "postgres"),
				env.getOrDefault("DB_PASSWORD", "postgres"),
				env.getOrDefault("BENCH_DB_NAME", "quartier_dispatch_bench"),
				Path.of(env.getOrDefault("BENCH_APP_JAR", "backend/target/quartier-dispatch.jar")),
				Path.of(env.getOrDefault("BENCH_JAR", "ops/bench/target/quartier-dispatch-bench.jar")),
				Path.of(env.getOrDefault("BENCH_WORK_DIR", "ops/bench/work")),
				Path.of(env.getOrDefault("BENCH_REPORT_DIR", "ops/bench/report")),
				Integer.parseInt(env.getOrDefault("BENCH_RUNS", "3")),
				Integer.parseInt(env.getOrDefault("BENCH_OPEN_INCIDENTS", "10000")),
				List.of(env.getOrDefault("BENCH_CONCURRENCY", "1,2,4,8,16,32,64").split(","))
					.stream()
					.map(String::trim)
					.map(Integer::parseInt)
					.toList(),
				Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCH_STEP_SECONDS", "8"))),
				Integer.parseInt(env.getOrDefault("BENCH_PEAK_RATE", "100")),
				Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCH_PEAK_SECONDS", "30"))),
				Integer.parseInt(env.getOrDefault("BENCH_BOARDS", "1000")),
				Integer.parseInt(env.getOrDefault("BENCH_EVENT_RATE", "20")),
				Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCH_FANOUT_SECONDS", "30"))),
				env.getOrDefault("BENCH_MAX_HEAP", "256m"),
				List.of(env.getOrDefault("BENCH_APP_JAVA_OPTS", "").split(" "))
					.stream()
					.filter((option) -> !option.isBlank())
					.toList());
	}

	BenchSettings withDatabase(String name) {
		return new BenchSettings(this.dbHost, this.dbPort, this.dbUser, this.dbPassword, name, this.appJar,
				this.benchJar, this.workDir, this.reportDir, this.runs, this.openIncidents, this.concurrencies,
				this.stepDuration, this.peakRate, this.peakDuration, this.boards, this.eventRate, this.fanOutDuration,
				this.maxHeap, this.appJavaOptions);
	}

	String jdbcUrl(String name) {
		return "jdbc:postgresql://" + this.dbHost + ":" + this.dbPort + "/" + name;
	}

}
