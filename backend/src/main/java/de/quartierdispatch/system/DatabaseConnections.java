package de.quartierdispatch.system;

import java.time.Duration;
import java.util.Map;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the application's database connections are set up; both settings were found with
 * the benchmark (ops/bench/README.md).
 *
 * <ul>
 * <li>Event loops of their own, not co-located, and an odd number of them. By default the
 * driver shares Reactor Netty's event loops and co-locates: a connection opened from an
 * event-loop thread stays on that thread. Without co-location, connections are dealt
 * round robin, but each new connection took two turns (observed: with two loops, all
 * sixteen connections landed on one; with three, they spread over all three), so an even
 * number of loops leaves half of them idle. On one loop, every query's result, and the
 * request work that follows it, queues behind all others.</li>
 * <li>No JIT compilation in PostgreSQL. Our queries are short, or, like the board
 * snapshot, large but simple: the snapshot spent 235 ms of every execution compiling, and
 * won it back in faster execution at best (measured both ways); without it, its time does
 * not depend on whether the planner's estimate crosses the JIT threshold.</li>
 * <li>A database that stops answering (a dead firewall state, a hung proxy) holds no
 * connection for good: connecting gives up after {@value #CONNECT_SECONDS} s, a new
 * connection's start-up after the pool's {@code max-create-connection-time}
 * (application.yml), the operating system's keep-alive ends idle ones that went silent,
 * and one that waits longer than {@code quartier.database.answer-timeout} for an answer
 * is closed ({@link SilentDatabaseGuard}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConnections implements DisposableBean {

	static final int CONNECT_SECONDS = 5;

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(CONNECT_SECONDS);

	private final LoopResources loops;

	DatabaseConnections(@Value("${quartier.database.answer-timeout}") Duration answerTimeout) {
		this.loops = new GuardedLoopResources(LoopResources.create("r2dbc-postgresql", 1,
				Math.max(3, Runtime.getRuntime().availableProcessors() | 1), true, false), answerTimeout);
	}

	@Bean
	ConnectionFactoryOptionsBuilderCustomizer databaseConnectionsCustomizer() {
		return (options) -> options.option(PostgresqlConnectionFactoryProvider.LOOP_RESOURCES, this.loops)
			.option(PostgresqlConnectionFactoryProvider.OPTIONS, Map.of("jit", "off"))
			.option(ConnectionFactoryOptions.CONNECT_TIMEOUT, CONNECT_TIMEOUT)
			.option(PostgresqlConnectionFactoryProvider.TCP_KEEPALIVE, true);
	}

	@Override
	public void destroy() {
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).block(Duration.ofSeconds(5));
	}

}
