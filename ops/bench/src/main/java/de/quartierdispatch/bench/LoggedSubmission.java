package de.quartierdispatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import reactor.netty.resources.ConnectionProvider;

/**
 * What the application really sends, from PostgreSQL's statement log: once per benchmark,
 * an instance on a database of its own with {@code log_statement = all} receives two
 * public submissions and serves one board snapshot. The second submission's transaction
 * (the first one also fills the routing rules' cache) is compared statement for statement
 * with the pgbench template, and the snapshot's statement, its parameters written in, is
 * what the snapshot scenario runs alone.
 *
 * @param submission the statements of one submission, BEGIN to COMMIT
 * @param snapshotSql the snapshot's query as the application ran it
 * @param templateMismatch where the template differs from the log, or empty
 */
record LoggedSubmission(List<StatementLog.Logged> submission, List<String> snapshotSql, String templateMismatch) {

	private static final int PORT = 18084;

	static LoggedSubmission capture(BenchSettings settings, BenchDatabase db, ConnectionProvider connections)
			throws IOException, InterruptedException, SQLException {
		String database = settings.database() + "_log";
		String logFile;
		long offset;
		try (Connection admin = db.connect("postgres"); Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + database);
			statement.execute("ALTER DATABASE " + database + " SET log_statement = 'all'");
			logFile = logFile(admin);
			offset = logSize(admin, logFile);
		}
		String key = "logged-" + System.nanoTime();
		AppInstance.Launch launch = new AppInstance.Launch(List.of(), settings.maxHeap(), List.of(), settings.appJar(),
				database, List.of(), true);
		try (AppInstance app = AppInstance.start(settings, PORT, "statement-log", launch)) {
			Api api = new Api(app.baseUrl(), connections);
			BenchSettings logged = settings.withDatabase(database);
			ReportBodies bodies = new ReportBodies(QuarterPoints.of(new BenchDatabase(logged)), api.categoryCodes());
			SplittableRandom random = new SplittableRandom(17);
			for (int i = 1; i <= 2; i++) {
				Api.Outcome outcome = api.submit(bodies.withContact(random.split()), key + "-" + i).block();
				if (outcome == null || !outcome.accepted()) {
					throw new IllegalStateException("A logged submission was not accepted: " + outcome);
				}
			}
			api.snapshot(api.signIn("dispatcher", AppInstance.DEMO_PASSWORD)).block();
		}
		String log;
		try (Connection admin = db.connect("postgres"); Statement statement = admin.createStatement()) {
			log = readLog(admin, logFile, offset);
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
		List<StatementLog.Logged> statements = StatementLog.parse(log, database);
		List<StatementLog.Logged> submission = transactionOf(statements, "'" + key + "-2'");
		// The snapshot's header and its incidents, read in one transaction.
		List<String> snapshot = statements.stream()
			.filter((statement) -> statement.text().startsWith("SELECT json_build_object(")
					&& statement.text().contains("board_event_sequence")
					|| statement.text().startsWith("SELECT summary::text AS summary"))
			.map(StatementLog.Logged::inlined)
			.limit(2)
			.toList();
		if (snapshot.size() != 2) {
			throw new IllegalStateException("No snapshot queries in the statement log: " + snapshot);
		}
		Files.writeString(settings.workDir().resolve("logged-submission.sql"),
				submission.stream().map((statement) -> statement.inlined() + ";").collect(Collectors.joining("\n")),
				StandardCharsets.UTF_8);
		Files.writeString(settings.workDir().resolve("logged-snapshot.sql"),
				"BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;\n" + String.join(";\n", snapshot) + ";\nCOMMIT;\n",
				StandardCharsets.UTF_8);
		return new LoggedSubmission(submission, snapshot, compare(PgBench.templateStatements(), submission));
	}

	/** Round trips per submission, BEGIN and COMMIT included. */
	int roundTrips() {
		return this.submission.size();
	}

	private static List<StatementLog.Logged> transactionOf(List<StatementLog.Logged> statements, String marker) {
		int at = -1;
		for (int i = 0; i < statements.size(); i++) {
			if (statements.get(i).parameters().contains(marker)) {
				at = i;
			}
		}
		if (at < 0) {
			throw new IllegalStateException("The logged submission is not in the statement log");
		}
		long pid = statements.get(at).pid();
		List<StatementLog.Logged> own = new ArrayList<>();
		for (StatementLog.Logged statement : statements) {
			if (statement.pid() == pid) {
				own.add(statement);
			}
		}
		int index = own.indexOf(statements.get(at));
		int begin = index;
		while (begin > 0 && !own.get(begin).text().toUpperCase().startsWith("BEGIN")) {
			begin--;
		}
		int commit = index;
		while (commit < own.size() - 1 && !own.get(commit).text().equalsIgnoreCase("COMMIT")) {
			commit++;
		}
		return List.copyOf(own.subList(begin, commit + 1));
	}

	private static String compare(List<String> template, List<StatementLog.Logged> logged) {
		List<String> expected = logged.stream().map((statement) -> StatementLog.shape(statement.text())).toList();
		List<String> actual = template.stream().map(StatementLog::shape).toList();
		for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
			String sent = (i < expected.size()) ? expected.get(i) : "(nothing)";
			String scripted = (i < actual.size()) ? actual.get(i) : "(nothing)";
			if (!sent.equals(scripted)) {
				return "statement " + (i + 1) + ": the application sends «" + sent + "», the template has «" + scripted
						+ "»";
			}
		}
		return "";
	}

	/** The server's log: BENCH_PG_LOG, the collector's file, or Debian's. */
	private static String logFile(Connection admin) throws SQLException {
		String configured = System.getenv("BENCH_PG_LOG");
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		try (Statement statement = admin.createStatement();
				ResultSet row = statement.executeQuery("SELECT pg_current_logfile(), current_setting('data_directory'),"
						+ " current_setting('server_version_num')::int / 10000")) {
			row.next();
			String collected = row.getString(1);
			if (collected != null) {
				return collected.startsWith("/") ? collected : row.getString(2) + "/" + collected;
			}
			return "/var/log/postgresql/postgresql-" + row.getInt(3) + "-main.log";
		}
	}

	private static long logSize(Connection admin, String file) throws SQLException {
		try (PreparedStatement statement = admin.prepareStatement("SELECT (pg_stat_file(?)).size")) {
			statement.setString(1, file);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	private static String readLog(Connection admin, String file, long offset) throws SQLException {
		long size = logSize(admin, file);
		try (PreparedStatement statement = admin.prepareStatement("SELECT pg_read_file(?, ?, ?)")) {
			statement.setString(1, file);
			statement.setLong(2, offset);
			statement.setLong(3, Math.max(0, size - offset));
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getString(1);
			}
		}
	}

}
