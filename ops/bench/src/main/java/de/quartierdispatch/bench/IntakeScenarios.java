package de.quartierdispatch.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;

/**
 * Scenarios 1 and 2: how many submissions the application accepts compared with what the
 * database can commit of the same transaction, and how quickly it answers at a peak far
 * above a real storm night.
 */
final class IntakeScenarios {

	private static final Duration WARM_UP = Duration.ofSeconds(30);

	private static final int WARM_UP_CLIENTS = 8;

	/**
	 * pgbench's connections at the peak's rate, the best of which sets the limit: with
	 * more of them its latency only grows (16, the application's pool at most, gave a p99
	 * of 856 ms where 4 gave 109 ms: they queue on the board's event sequence).
	 */
	private static final List<Integer> PEAK_DB_CONNECTIONS = List.of(2, 4, 8);

	private final Api api;

	private final long appPid;

	private final ReportBodies bodies;

	private final PgBench pgbench;

	private final WrkLoad wrk;

	private final SplittableRandom random = new SplittableRandom(42);

	private Histogram peakLatency;

	private Histogram peakDbLatency;

	private List<Histogram> peakPerSecond = List.of();

	private final LoggedSubmission logged;

	IntakeScenarios(Api api, long appPid, ReportBodies bodies, PgBench pgbench, WrkLoad wrk, LoggedSubmission logged) {
		this.logged = logged;
		this.wrk = wrk;
		this.api = api;
		this.appPid = appPid;
		this.bodies = bodies;
		this.pgbench = pgbench;
	}

	/**
	 * Submits {@code count} reports, eight at a time: the snapshot's open incidents, and
	 * the warm-up of everything that follows. Returns how many were accepted.
	 */
	long seed(long count) {
		AtomicInteger shown = new AtomicInteger();
		Long accepted = Flux.range(0, (int) count)
			.flatMap((n) -> this.api.submit(this.bodies.next(this.random.split())), 8)
			.filter((outcome) -> {
				if (!outcome.accepted() && shown.getAndIncrement() < 5) {
					System.out.println("   not accepted while seeding: " + outcome.status() + " " + outcome.body());
				}
				return outcome.accepted();
			})
			.count()
			.block();
		return (accepted != null) ? accepted : 0;
	}

	/**
	 * Scenario 1: closed-model steps of rising concurrency, each followed by pgbench at
	 * the same concurrency, until the application's throughput stops growing (less than
	 * 5% more than the step before, twice).
	 */
	ScenarioResult ceiling(String id, List<Integer> concurrencies, Duration step)
			throws InterruptedException, IOException {
		List<String> steps = new ArrayList<>();
		double bestApp = 0;
		double bestDb = 0;
		long appErrors = 0;
		long dbFailed = 0;
		int flat = 0;
		int bestAt = 0;
		Cpu bestCpu = new Cpu(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
		List<String> errorSamples = new ArrayList<>();
		// After the seeding the application's JIT compiler is still at work (a C2 compile
		// per few dozen submissions, each taking up to a second of CPU); pgbench's client
		// needs no warm-up. An unmeasured step first, so that the steps compare steady
		// states.
		WrkLoad.Result warmUp = this.wrk.run(WARM_UP_CLIENTS, WARM_UP);
		appErrors += warmUp.errors();
		for (int clients : concurrencies) {
			double appCpu = CpuMeter.processSeconds(this.appPid);
			double dbCpu = CpuMeter.postgresSeconds();
			double loadCpu = CpuMeter.processSeconds(ProcessHandle.current().pid());
			double wrkCpu = CpuMeter.childrenSeconds();
			WrkLoad.Result app = this.wrk.run(clients, step);
			appCpu = CpuMeter.processSeconds(this.appPid) - appCpu;
			dbCpu = CpuMeter.postgresSeconds() - dbCpu;
			loadCpu = CpuMeter.processSeconds(ProcessHandle.current().pid()) - loadCpu
					+ (CpuMeter.childrenSeconds() - wrkCpu);
			double pgbenchDbCpu = CpuMeter.postgresSeconds();
			double pgbenchCpu = CpuMeter.childrenSeconds();
			PgBench.Result db = this.pgbench.run(clients, step);
			pgbenchDbCpu = CpuMeter.postgresSeconds() - pgbenchDbCpu;
			pgbenchCpu = CpuMeter.childrenSeconds() - pgbenchCpu;
			double transactions = db.perSecond() * step.toSeconds();
			Cpu cpu = new Cpu(1000 * appCpu / app.accepted(), 1000 * dbCpu / app.accepted(),
					1000 * loadCpu / app.accepted(), 1000 * pgbenchDbCpu / transactions,
					1000 * pgbenchCpu / transactions);
			steps.add(
					"%3d clients: CPU ms per submission: application %.2f + PostgreSQL %.2f + load generator %.2f; per pgbench transaction: PostgreSQL %.2f + pgbench %.2f"
						.formatted(clients, cpu.app(), cpu.db(), cpu.loadGenerator(), cpu.pgbenchDb(), cpu.pgbench()));
			steps.add("%3d clients: application %8.1f/s, pgbench %8.1f/s, ratio %5.1f%%, errors %d/%d".formatted(
					clients, app.perSecond(), db.perSecond(), 100 * app.perSecond() / db.perSecond(), app.errors(),
					db.failed()));
			System.out.println("   " + steps.get(steps.size() - 1));
			appErrors += app.errors();
			app.errorSamples().forEach((sample) -> errorSamples.add(clients + " clients: " + sample));
			dbFailed += db.failed();
			flat = (app.perSecond() < bestApp * 1.05) ? flat + 1 : 0;
			if (app.perSecond() > bestApp) {
				bestApp = app.perSecond();
				bestAt = clients;
				bestCpu = cpu;
			}
			bestDb = Math.max(bestDb, db.perSecond());
			if (flat == 2) {
				break;
			}
		}
		ScenarioResult.Builder result = ScenarioResult
			.of(id, "Intake ceiling: application vs pgbench running the same transaction")
			.figure("app_best_per_s", bestApp)
			.figure("app_best_at_clients", bestAt)
			.figure("pgbench_best_per_s", bestDb)
			.figure("app_share_of_ceiling_pct", 100 * bestApp / bestDb)
			.figure("app_errors", appErrors)
			.figure("cpu_ms_app_per_submission", bestCpu.app())
			.figure("cpu_ms_postgres_per_submission", bestCpu.db())
			.figure("cpu_ms_load_generator_per_submission", bestCpu.loadGenerator())
			.figure("cpu_ms_postgres_per_pgbench_txn", bestCpu.pgbenchDb())
			.figure("cpu_ms_pgbench_client_per_txn", bestCpu.pgbench())
			.figure("pgbench_failed", dbFailed)
			.figure("statements_per_submission", this.logged.roundTrips())
			.figure("template_matches_log", this.logged.templateMismatch().isEmpty() ? 1 : 0)
			.goal("app_share_of_ceiling_pct", ">=", 70,
					"application's best step ÷ pgbench's best step, same transaction, same run")
			.goal("app_errors", "==", 0)
			.goal("template_matches_log", "==", 1, "pgbench's statements = the logged submission's");
		if (!this.logged.templateMismatch().isEmpty()) {
			result.note("the pgbench template differs from the logged submission: " + this.logged.templateMismatch());
		}
		result.note("after an unmeasured warm-up step of %d s at %d clients: %.0f submissions/s"
			.formatted(WARM_UP.toSeconds(), WARM_UP_CLIENTS, warmUp.perSecond()));
		steps.forEach(result::note);
		errorSamples.forEach((sample) -> result.note("error: " + sample));
		return result.build();
	}

	/**
	 * Scenario 2: a fixed arrival rate, latency from each request's due time; then
	 * pgbench at the same rate with the same transaction, measured the same way, with 2,
	 * 4 and 8 connections. Its best p99 (what the database and this machine's latency
	 * spikes allow at that rate) is the limit the application's percentiles are compared
	 * with.
	 */
	ScenarioResult peak(String id, int rate, Duration duration) throws InterruptedException, IOException {
		OpenLoad.Result load = OpenLoad.run(rate, duration,
				(n) -> this.api.submit(this.bodies.next(this.random.split())));
		this.peakLatency = load.latency();
		this.peakPerSecond = load.perSecond();
		Histogram latency = load.latency();
		List<String> dbNotes = new ArrayList<>();
		Histogram db = null;
		int bestConnections = 0;
		for (int connections : PEAK_DB_CONNECTIONS) {
			Histogram candidate = this.pgbench.runAtRate(rate, duration, connections);
			dbNotes.add("pgbench at %d/s with %d connections: %d transactions, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms"
				.formatted(rate, connections, candidate.getTotalCount(), candidate.getValueAtPercentile(50) / 1e6,
						candidate.getValueAtPercentile(99) / 1e6, candidate.getValueAtPercentile(99.9) / 1e6));
			if (db == null || candidate.getValueAtPercentile(99) < db.getValueAtPercentile(99)) {
				db = candidate;
				bestConnections = connections;
			}
		}
		this.peakDbLatency = db;
		double p99 = latency.getValueAtPercentile(99) / 1e6;
		double p999 = latency.getValueAtPercentile(99.9) / 1e6;
		double dbP99 = db.getValueAtPercentile(99) / 1e6;
		double dbP999 = db.getValueAtPercentile(99.9) / 1e6;
		ScenarioResult.Builder result = ScenarioResult
			.of(id, "Intake at a peak: %d submissions/s for %d s (open model)".formatted(rate, duration.toSeconds()))
			.figure("sent", load.sent())
			.figure("achieved_per_s", load.sent() / load.seconds())
			.figure("errors", load.errors())
			.figure("latency_p50_ms", latency.getValueAtPercentile(50) / 1e6)
			.figure("latency_p99_ms", p99)
			.figure("latency_p999_ms", p999)
			.figure("latency_max_ms", latency.getMaxValue() / 1e6)
			.figure("pgbench_p50_ms", db.getValueAtPercentile(50) / 1e6)
			.figure("pgbench_p99_ms", dbP99)
			.figure("pgbench_p999_ms", dbP999)
			.figure("pgbench_transactions", db.getTotalCount())
			.figure("pgbench_connections", bestConnections)
			.figure("p99_over_pgbench_ms", p99 - dbP99)
			.figure("p999_over_pgbench_ms", p999 - dbP999)
			.goal("p99_over_pgbench_ms", "<=", 50,
					"application's p99 − pgbench's best p99, same transaction at the same rate, both from due time")
			.goal("p999_over_pgbench_ms", "<=", 200, "the same for p99.9, against that pgbench run's")
			.goal("errors", "==", 0);
		dbNotes.forEach(result::note);
		load.errorSamples().forEach((sample) -> result.note("error: " + sample));
		return result.build();
	}

	Histogram peakLatency() {
		return this.peakLatency;
	}

	Histogram peakDbLatency() {
		return this.peakDbLatency;
	}

	List<Histogram> peakPerSecond() {
		return this.peakPerSecond;
	}

	/**
	 * CPU milliseconds per accepted submission and per pgbench transaction, at one step.
	 *
	 * @param app the application
	 * @param db PostgreSQL while the application runs
	 * @param loadGenerator this process, which sends the submissions
	 * @param pgbenchDb PostgreSQL while pgbench runs
	 * @param pgbench the pgbench client
	 */
	private record Cpu(double app, double db, double loadGenerator, double pgbenchDb, double pgbench) {
	}

}
