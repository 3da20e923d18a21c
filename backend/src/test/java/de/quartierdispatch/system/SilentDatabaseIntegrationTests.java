package de.quartierdispatch.system;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import de.quartierdispatch.support.SilenceableProxy;
import de.quartierdispatch.support.TestDatabase;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.ValidationDepth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database connection that waits too long for an answer is closed, its statement
 * failing at once; one that only idles is left alone. Against the real server, through a
 * proxy that can go silent.
 */
class SilentDatabaseIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(1);

	private static final Duration WAIT = Duration.ofSeconds(15);

	private final LoopResources loops = new GuardedLoopResources(
			LoopResources.create("silent-database-test", 1, 1, true, false), PATIENCE);

	@AfterEach
	void disposeLoops() {
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(WAIT);
	}

	@Test
	void aConnectionWaitingLongerThanItsPatienceIsClosedAndItsStatementFails() throws Exception {
		try (SilenceableProxy proxy = SilenceableProxy.to(TestDatabase.host(), TestDatabase.port())) {
			io.r2dbc.spi.Connection connection = Mono.from(connections(proxy.port()).create()).block(WAIT);
			assertThat(number(connection, "SELECT 1").block(WAIT)).isEqualTo(1);
			// Idle for longer than its patience (the server sleeps for another
			// connection):
			// nothing was awaited, so it stays open.
			try (Connection other = TestDatabase.connectToTestDatabase(); Statement sleep = other.createStatement()) {
				sleep.execute("SELECT pg_sleep(1.5)");
			}
			assertThat(Mono.from(connection.validate(ValidationDepth.LOCAL)).block(WAIT)).isTrue();
			assertThat(number(connection, "SELECT 2").block(WAIT)).isEqualTo(2);

			proxy.silence();
			StepVerifier.create(number(connection, "SELECT 3")).expectError().verify(WAIT);
			assertThat(Mono.from(connection.validate(ValidationDepth.LOCAL)).block(WAIT)).isFalse();
		}
	}

	private ConnectionFactory connections(int port) {
		return ConnectionFactories.get(ConnectionFactoryOptions.builder()
			.option(ConnectionFactoryOptions.DRIVER, "postgresql")
			.option(ConnectionFactoryOptions.HOST, "127.0.0.1")
			.option(ConnectionFactoryOptions.PORT, port)
			.option(ConnectionFactoryOptions.DATABASE, TestDatabase.name())
			.option(ConnectionFactoryOptions.USER, TestDatabase.user())
			.option(ConnectionFactoryOptions.PASSWORD, TestDatabase.password())
			.option(PostgresqlConnectionFactoryProvider.LOOP_RESOURCES, this.loops)
			.build());
	}

	private static Mono<Integer> number(io.r2dbc.spi.Connection connection, String sql) {
		return Flux.from(connection.createStatement(sql).execute())
			.flatMap((result) -> result.map((row, metadata) -> row.get(0, Integer.class)))
			.next();
	}

}
