package de.quartierdispatch.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives every test run its own database on the PostgreSQL named by {@code DB_HOST},
 * {@code DB_PORT}, {@code DB_USER} and {@code DB_PASSWORD} (defaults: localhost:5432,
 * postgres), and drops it when the run ends. The application migrates it like any other
 * database. Databases of runs that died more than six hours ago are dropped too.
 */
public class TestDatabase implements LauncherSessionListener {

	private static final String PREFIX = "qd_test_";

	private static final Duration ABANDONED_AFTER = Duration.ofHours(6);

	/**
	 * The role the application connects as in tests, as in production: not the owner of
	 * the schema, with only the rights that db/migration/afterMigrate.sql grants it.
	 */
	public static final String APPLICATION_ROLE = "qd_test_application";

	private static String name;

	private static final List<String> separate = new CopyOnWriteArrayList<>();

	/**
	 * The database of this run (also published as the system property {@code DB_NAME}).
	 */
	public static String name() {
		return name;
	}

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		name = PREFIX + System.currentTimeMillis() + "_" + ThreadLocalRandom.current().nextInt(1000, 10000);
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			dropAbandoned(statement);
			statement.execute("CREATE DATABASE " + name);
			createApplicationRole(statement);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Tests need a PostgreSQL with PostGIS at " + url("postgres")
					+ " (set DB_HOST, DB_PORT, DB_USER, DB_PASSWORD): " + ex.getMessage(), ex);
		}
		System.setProperty("DB_NAME", name);
		// The schema is migrated by the administrative user (DB_USER), the application
		// runs as its own role.
		System.setProperty("DB_MIGRATION_USER", setting("DB_USER", "postgres"));
		System.setProperty("DB_MIGRATION_PASSWORD", setting("DB_PASSWORD", "postgres"));
		System.setProperty("spring.r2dbc.username", APPLICATION_ROLE);
		System.setProperty("spring.r2dbc.password", APPLICATION_ROLE);
	}

	/** Cluster-wide and shared by concurrent runs: created once, never dropped. */
	private static void createApplicationRole(Statement statement) throws SQLException {
		statement.execute("DO $$ BEGIN CREATE ROLE " + APPLICATION_ROLE + " LOGIN PASSWORD '" + APPLICATION_ROLE
				+ "'; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
	}

	/**
	 * A further database of this run, for a test that must count everything in it (a test
	 * class points its application at it with {@code DB_NAME}). Dropped with the run's
	 * own.
	 */
	public static String createSeparate(String purpose) {
		String database = name + "_" + purpose;
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		separate.add(database);
		return database;
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String database : separate) {
				statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			System.err.println("Could not drop test database " + name + ": " + ex.getMessage());
		}
	}

	/**
	 * A JDBC connection to this run's database, for tests that look behind the
	 * application.
	 */
	public static Connection connectToTestDatabase() throws SQLException {
		return DriverManager.getConnection(url(name), setting("DB_USER", "postgres"),
				setting("DB_PASSWORD", "postgres"));
	}

	/**
	 * A connection as the administrative user to the server's {@code postgres} database,
	 * for what cannot be done from inside this run's database (e.g. refusing connections
	 * to it).
	 */
	public static Connection connectToServer() throws SQLException {
		return connect();
	}

	/**
	 * Ends the connections of one application instance (named by its
	 * {@code spring.r2dbc.properties.applicationName}) to this run's database and refuses
	 * new ones of the application's role, or lets them in again. The server keeps running
	 * for everyone else, the other instances of the run included once they reconnect.
	 */
	public static void cutOffApplication(String applicationName, boolean cutOff) throws SQLException {
		try (Connection database = connectToTestDatabase(); Statement statement = database.createStatement()) {
			statement.execute("ALTER DATABASE " + name + " CONNECTION LIMIT " + (cutOff ? 0 : -1));
			if (cutOff) {
				statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
						+ "' AND usename = '" + APPLICATION_ROLE + "' AND application_name = '" + applicationName
						+ "'");
			}
		}
	}

	/** Where the test database's server listens, and as whom tests sign in to it. */
	public static String host() {
		return setting("DB_HOST", "localhost");
	}

	public static int port() {
		return Integer.parseInt(setting("DB_PORT", "5432"));
	}

	public static String user() {
		return setting("DB_USER", "postgres");
	}

	public static String password() {
		return setting("DB_PASSWORD", "postgres");
	}

	/** The single text value a query returns, for tests that check what was stored. */
	public static String queryString(String sql) {
		return queryString(name, sql);
	}

	/** The single text value a query returns in the given database of this run. */
	public static String queryString(String database, String sql) {
		try (Connection connection = DriverManager.getConnection(url(database), setting("DB_USER", "postgres"),
				setting("DB_PASSWORD", "postgres"));
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(sql)) {
			return row.next() ? row.getString(1) : null;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The single number a query returns. */
	public static long queryLong(String sql) {
		String value = queryString(sql);
		return (value != null) ? Long.parseLong(value) : 0;
	}

	private static void dropAbandoned(Statement statement) throws SQLException {
		long limit = System.currentTimeMillis() - ABANDONED_AFTER.toMillis();
		List<String> abandoned = new ArrayList<>();
		try (ResultSet databases = statement
			.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
			while (databases.next()) {
				String database = databases.getString(1);
				String[] parts = database.substring(PREFIX.length()).split("_");
				if (parts.length >= 2 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < limit) {
					abandoned.add(database);
				}
			}
		}
		for (String database : abandoned) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
	}

	private static Connection connect() throws SQLException {
		return DriverManager.getConnection(url("postgres"), setting("DB_USER", "postgres"),
				setting("DB_PASSWORD", "postgres"));
	}

	private static String url(String database) {
		return "jdbc:postgresql://" + setting("DB_HOST", "localhost") + ":" + setting("DB_PORT", "5432") + "/"
				+ database;
	}

	private static String setting(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
