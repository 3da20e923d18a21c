package de.quartierdispatch.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's own look at the database: a fresh database per run, and the figures the
 * scenarios check against (open incidents, the last event's sequence number).
 */
final class BenchDatabase {

	private final BenchSettings settings;

	BenchDatabase(BenchSettings settings) {
		this.settings = settings;
	}

	/** Drops and creates the run's database; the application migrates it on start. */
	void recreate() throws SQLException {
		try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.settings.database() + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + this.settings.database());
		}
	}

	/** Drops and creates the empty database of the bare start-up comparison. */
	void recreateBare() throws SQLException {
		try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.settings.database() + "_bare WITH (FORCE)");
			statement.execute("CREATE DATABASE " + this.settings.database() + "_bare");
		}
	}

	long openIncidents() throws SQLException {
		return queryLong("SELECT count(*) FROM incident WHERE state IN ('OPEN', 'DISPATCHED', 'ON_SITE')");
	}

	long lastEventSeq() throws SQLException {
		return queryLong("SELECT last_seq FROM board_event_sequence");
	}

	String serverSetting(String name) throws SQLException {
		try (Connection connection = connect(this.settings.database());
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT current_setting('" + name + "')")) {
			row.next();
			return row.getString(1);
		}
	}

	void execute(String sql) throws SQLException {
		try (Connection connection = connect(this.settings.database());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** Runs a query and hands each row to {@code rows}. */
	void query(String sql, RowHandler rows) throws SQLException {
		try (Connection connection = connect(this.settings.database());
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(sql)) {
			while (row.next()) {
				rows.accept(row);
			}
		}
	}

	private long queryLong(String sql) throws SQLException {
		try (Connection connection = connect(this.settings.database());
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getLong(1);
		}
	}

	Connection connect() throws SQLException {
		return connect(this.settings.database());
	}

	Connection connect(String name) throws SQLException {
		return DriverManager.getConnection(this.settings.jdbcUrl(name), this.settings.dbUser(),
				this.settings.dbPassword());
	}

	/** Reads one row. */
	@FunctionalInterface
	interface RowHandler {

		void accept(ResultSet row) throws SQLException;

	}

}
