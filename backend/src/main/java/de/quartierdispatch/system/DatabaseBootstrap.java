package de.quartierdispatch.system;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

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
	 * Connects as the migrations will: a server not reachable yet (SQL state class 08) is
	 * tried again as often as Flyway tries ({@code spring.flyway.connect-retries}),
	 * backing off from one second up to Flyway's interval. This runs once, on the main
	 * thread, before the application starts, so blocking on it is fine.
	 */
	private static Connection connect(String url, FlywayProperties properties) throws SQLException {
		Duration interval = properties.getConnectRetriesInterval();
		Mono<Connection> connection = Mono
			.fromCallable(() -> DriverManager.getConnection(url, properties.getUser(), properties.getPassword()))
			// Every attempt, also those the retry timer starts, blocks a thread meant for
			// it.
			.subscribeOn(Schedulers.boundedElastic())
			.retryWhen(Retry.backoff(properties.getConnectRetries(), Duration.ofSeconds(1))
				.maxBackoff((interval.compareTo(Duration.ofSeconds(1)) > 0) ? interval : Duration.ofSeconds(1))
				.jitter(0)
				.filter(DatabaseBootstrap::unreachable)
				.doBeforeRetry((signal) -> logger.warn("Database server not reachable yet ({}); trying again",
						((SQLException) signal.failure()).getSQLState()))
				.onRetryExhaustedThrow((spec, signal) -> signal.failure()));
		try {
			return Objects.requireNonNull(connection.block());
		}
		catch (RuntimeException ex) {
			// block() wraps a checked exception; the caller reports the driver's own.
			if (Exceptions.unwrap(ex) instanceof SQLException failure) {
				throw failure;
			}
			throw ex;
		}
	}

	private static boolean unreachable(Throwable failure) {
		return failure instanceof SQLException ex && ex.getSQLState() != null && ex.getSQLState().startsWith("08");
	}

}
