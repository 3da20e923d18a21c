package de.quartierdispatch.system;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.context.annotation.Bean;

/**
 * For the demo and local development ({@code quartier.database.create-if-missing=true}):
 * creates the application's database before the migrations run, as the PostGIS container
 * image does for {@code POSTGRES_DB}. Production databases are provisioned by the
 * operator.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "quartier.database.create-if-missing", havingValue = "true")
class DatabaseBootstrap {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseBootstrap.class);

	@Bean
	FlywayMigrationStrategy createDatabaseThenMigrate(FlywayProperties properties) {
		return (flyway) -> {
			createIfMissing(properties);
			flyway.migrate();
		};
	}

	private static void createIfMissing(FlywayProperties properties) {
		String url = properties.getUrl();
		if (url == null) {
			throw new IllegalStateException("spring.flyway.url is not set");
		}
		URI uri = URI.create(url.substring("jdbc:".length()));
		String database = uri.getPath().substring(1);
		String maintenanceUrl = url.replace("/" + database, "/postgres");
		try (Connection connection = connect(maintenanceUrl, properties);
				PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, database);
			try (ResultSet found = exists.executeQuery()) {
				if (found.next()) {
					return;
				}
			}
			try (Statement create = connection.createStatement()) {
				create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
			}
			logger.info("Created database {}", database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + database + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Connects as the migrations will: a server not reachable yet is tried again as often
	 * and as patiently as Flyway tries ({@code spring.flyway.connect-retries}), waiting
	 * 1, 2, 4 ... seconds up to the interval. This runs once, on the main thread, before
	 * the application starts.
	 */
	private static Connection connect(String url, FlywayProperties properties) throws SQLException {
		long wait = 1;
		for (int attempt = 0;; attempt++) {
			try {
				return DriverManager.getConnection(url, properties.getUser(), properties.getPassword());
			}
			catch (SQLException ex) {
				boolean unreachable = ex.getSQLState() != null && ex.getSQLState().startsWith("08");
				if (!unreachable || attempt >= properties.getConnectRetries()) {
					throw ex;
				}
				logger.warn("Database server not reachable yet ({}); trying again in {} s", ex.getSQLState(), wait);
				sleep(wait);
				wait = Math.min(wait * 2, Math.max(1, properties.getConnectRetriesInterval().toSeconds()));
			}
		}
	}

	private static void sleep(long seconds) {
		try {
			Thread.sleep(seconds * 1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the database", ex);
		}
	}

}
