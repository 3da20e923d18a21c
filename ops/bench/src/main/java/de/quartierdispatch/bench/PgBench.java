package de.quartierdispatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

/**
 * The database's own ceiling for our work: pgbench runs the transaction that one public
 * submission runs (the statements in {@code transaction.sql.template}, taken from the
 * server's statement log of a real submission, in the same order, against the same
 * tables, indexes and trigger-maintained sequence, under the same
 * {@code synchronous_commit}), with the same randomised reports as the application gets.
 * pgbench picks one of the generated scripts per transaction; what the application
 * computes in Java (the quarter, the routing decision) is a literal in the script.
 */
final class PgBench {

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

	private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

	private final BenchSettings settings;

	private final String executable;

	private final List<Path> scripts = new ArrayList<>();

	PgBench(BenchSettings settings, String executable) {
		this.settings = settings;
		this.executable = executable;
	}

	/** Writes one script per sample report. */
	void prepare(ReportBodies bodies, RandomGenerator random, int count) throws IOException, SQLException {
		String template = template();
		Path directory = Files.createDirectories(this.settings.workDir().resolve("pgbench"));
		try (Connection db = DriverManager.getConnection(this.settings.jdbcUrl(this.settings.database()),
				this.settings.dbUser(), this.settings.dbPassword())) {
			for (int i = 0; i < count; i++) {
				ReportBodies.Report report = bodies.nextReport(random);
				Path script = directory.resolve("submission-" + i + ".sql");
				Files.writeString(script, fill(template, report, db));
				this.scripts.add(script);
			}
		}
	}

	/**
	 * The template's SQL statements, the report with contact details (the logged
	 * submission leaves an address), without pgbench's meta-commands.
	 */
	static List<String> templateStatements() throws IOException {
		String script = withContact(template(), ":email");
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : script.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("--") || trimmed.startsWith("\\set") || trimmed.isEmpty()) {
				continue;
			}
			current.append(line).append('\n');
			if (trimmed.endsWith(";") || trimmed.contains("\\gset")) {
				statements.add(current.toString().strip());
				current.setLength(0);
			}
		}
		return statements;
	}

	private static String template() throws IOException {
		return new String(PgBench.class.getResourceAsStream("/transaction.sql.template").readAllBytes(),
				StandardCharsets.UTF_8);
	}

	/**
	 * The report's contact details go in with the report, in one statement (a
	 * data-modifying WITH), as the application sends them.
	 */
	private static String withContact(String template, String email) {
		return template.replace("${contact}", """
				,
				contact AS (INSERT INTO reporter_contact (report_id, name, email, phone, consent_at)
				            SELECT id, NULL, %s, NULL, now() FROM stored)""".formatted(email));
	}

	private static String fill(String template, ReportBodies.Report report, Connection db) throws SQLException {
		long quarter = single(db, "SELECT id FROM quarter WHERE ST_Contains(geom, ST_SetSRID(ST_MakePoint(?, ?), 4326))"
				+ " ORDER BY area_m2, code LIMIT 1", report.lon(), report.lat());
		long rule = single(db,
				"SELECT id FROM routing_rule WHERE category_code = ? OR is_default ORDER BY is_default, position LIMIT 1",
				report.category());
		String script = (report.email() != null) ? withContact(template, literal(report.email()))
				: template.replace("${contact}", "");
		return script.replace("${category}", literal(report.category()))
			.replace("${description}", literal(report.description()))
			.replace("${language}", literal(report.language()))
			.replace("${lon}", Double.toString(report.lon()))
			.replace("${lat}", Double.toString(report.lat()))
			.replace("${quarter}", Long.toString(quarter))
			.replace("${rule}", Long.toString(rule));
	}

	private static long single(Connection db, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet row = statement.executeQuery()) {
				if (!row.next()) {
					throw new IllegalStateException("No row for " + sql);
				}
				return row.getLong(1);
			}
		}
	}

	private static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	/** Runs the scripts with {@code clients} connections for {@code duration}. */
	Result run(int clients, Duration duration) throws IOException, InterruptedException {
		String output = execute(clients, duration, List.of());
		awaitBackendsGone();
		Matcher tps = TPS.matcher(output);
		if (!tps.find()) {
			throw new IllegalStateException("pgbench gave no throughput:\n" + output);
		}
		Matcher failed = FAILED.matcher(output);
		return new Result(clients, Double.parseDouble(tps.group(1)),
				failed.find() ? Long.parseLong(failed.group(1)) : 0);
	}

	/**
	 * Runs the scripts at a fixed arrival rate ({@code -R}) with {@code clients}
	 * connections, as the peak scenario loads the application: each transaction's latency
	 * counts from when it was due (pgbench's per-transaction log includes the schedule
	 * lag when throttled), so the two latencies compare.
	 */
	Histogram runAtRate(int rate, Duration duration, int clients) throws IOException, InterruptedException {
		Path directory = Files.createDirectories(this.settings.workDir().resolve("pgbench-rate"));
		try (var old = Files.list(directory)) {
			for (Path file : old.toList()) {
				Files.delete(file);
			}
		}
		execute(clients, duration,
				List.of("-R", Integer.toString(rate), "-l", "--log-prefix", directory.resolve("latency").toString()));
		Histogram latency = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
		try (var logs = Files.list(directory)) {
			for (Path log : logs.toList()) {
				for (String line : Files.readAllLines(log)) {
					// client, transaction, latency (µs), script, time (s, µs), lag
					String[] fields = line.split(" ");
					long nanos = TimeUnit.MICROSECONDS.toNanos(Long.parseLong(fields[2]));
					latency.recordValue(Math.min(nanos, TimeUnit.MINUTES.toNanos(1)));
				}
			}
		}
		return latency;
	}

	/**
	 * Runs the scripts with {@code clients} connections for {@code duration}, with
	 * further {@code options}; returns pgbench's output.
	 */
	private String execute(int clients, Duration duration, List<String> options)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(this.executable, "-h", this.settings.dbHost(), "-p", Integer.toString(this.settings.dbPort()),
						"-U", this.settings.dbUser(), "-n", "-M", "prepared", "-c", Integer.toString(clients), "-j",
						Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())), "-T",
						Long.toString(duration.toSeconds())));
		command.addAll(options);
		this.scripts.forEach((script) -> command.addAll(List.of("-f", script.toString())));
		command.add(this.settings.database());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PGPASSWORD", this.settings.dbPassword());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int exit = process.waitFor();
		if (exit != 0) {
			throw new IllegalStateException("pgbench failed (exit " + exit + "):\n" + output);
		}
		return output;
	}

	/**
	 * Waits until pgbench's server processes have ended, so that their CPU time is
	 * counted (the postmaster adds it to its own once they are gone).
	 */
	private void awaitBackendsGone() throws InterruptedException {
		List<Long> backends = new ArrayList<>();
		try (Connection db = DriverManager.getConnection(this.settings.jdbcUrl(this.settings.database()),
				this.settings.dbUser(), this.settings.dbPassword());
				ResultSet rows = db.createStatement()
					.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = 'pgbench'")) {
			while (rows.next()) {
				backends.add(rows.getLong(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot list pgbench's server processes", ex);
		}
		for (long pid : backends) {
			try {
				ProcessHandle.of(pid).ifPresent((backend) -> backend.onExit().orTimeout(10, TimeUnit.SECONDS).join());
			}
			catch (CompletionException stillRunning) {
				// Its CPU time will be missing from this step; the report shows the
				// spread.
			}
		}
	}

	/**
	 * One pgbench step.
	 *
	 * @param clients connections
	 * @param perSecond committed transactions per second
	 * @param failed failed transactions
	 */
	record Result(int clients, double perSecond, long failed) {
	}

}
