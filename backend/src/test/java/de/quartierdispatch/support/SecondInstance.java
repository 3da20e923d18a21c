package de.quartierdispatch.support;

import java.time.Duration;

import de.quartierdispatch.QuartierDispatchApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * A further instance of the application in the test JVM, on a port of its own, as a
 * second server of a deployment or a restarted one.
 * <p>
 * It runs on Netty event loops and a connection pool of its own. Spring's default factory
 * shares Reactor Netty's global resources and disposes of them when its context closes:
 * closing a second instance would then wait on, and shut down, the loops the tests' own
 * application and clients run on (CI hung there once, in
 * {@code ReactorResourceFactory.stop}).
 */
public final class SecondInstance {

	private SecondInstance() {
	}

	/**
	 * Starts an instance with the {@code test} profile on a free port.
	 * @param configuration further configuration classes (a test clock, say)
	 * @param args command-line arguments, {@code --server.port=0} among them
	 */
	public static ConfigurableApplicationContext start(Class<?>[] configuration, String... args) {
		Class<?>[] sources = new Class<?>[configuration.length + 1];
		sources[0] = QuartierDispatchApplication.class;
		System.arraycopy(configuration, 0, sources, 1, configuration.length);
		return new SpringApplicationBuilder(sources).profiles("test")
			.initializers((context) -> ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class,
					SecondInstance::ownResources))
			.run(args);
	}

	/** Starts an instance with the {@code test} profile and nothing more. */
	public static ConfigurableApplicationContext start(String... args) {
		return start(new Class<?>[0], args);
	}

	/** The HTTP port the instance listens on. */
	public static int port(ConfigurableApplicationContext instance) {
		return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
	}

	private static ReactorResourceFactory ownResources() {
		ReactorResourceFactory resources = new ReactorResourceFactory();
		resources.setUseGlobalResources(false);
		// Nothing to drain in a test: close at once, and within a bound if a connection
		// lingers.
		resources.setShutdownQuietPeriod(Duration.ZERO);
		resources.setShutdownTimeout(Duration.ofSeconds(5));
		return resources;
	}

}
