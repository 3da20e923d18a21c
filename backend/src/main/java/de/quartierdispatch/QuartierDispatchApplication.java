package de.quartierdispatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.Modulithic;

/**
 * Quartier Dispatch: complaints and conflict reports from residents and contact points,
 * geotagged to their quarter and routed to mixed municipal field teams.
 *
 * <p>
 * Started with {@code import-quarters} as its first argument, the jar runs as a
 * command-line tool instead of a server (see {@code geo.QuarterImportCommand}).
 *
 * <p>
 * Each package below this one is an application module (ARCHITECTURE.md); {@code system}
 * is the one every other module may use.
 */
@SpringBootApplication
@Modulithic(sharedModules = "system")
@ConfigurationPropertiesScan
public class QuartierDispatchApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(QuartierDispatchApplication.class);
		if (isCommand(args)) {
			application.setWebApplicationType(WebApplicationType.NONE);
			ConfigurableApplicationContext context = application.run(args);
			System.exit(SpringApplication.exit(context));
		}
		application.run(args);
	}

	private static boolean isCommand(String[] args) {
		return args.length > 0 && "import-quarters".equals(args[0]);
	}

}
