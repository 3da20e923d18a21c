package de.quartierdispatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario 5's start-up on a small VM: the application pinned to one CPU with the small
 * heap, from launch to readiness, against a bare Spring Boot WebFlux application with the
 * same starters started the same way on the same database server. Both are measured as
 * built (fat jar) and with class data sharing (Java 17's dynamic archive of an extracted
 * jar, recorded by one training start that stops after the context refresh).
 */
final class StartupScenario {

	private static final int PORT = 18083;

	/** Start-ups of each per run: the goal takes the median of their ratios. */
	private static final int PAIRS = 3;

	private static final String BARE_MAIN = "de.quartierdispatch.bench.bare.BareWebFluxApplication";

	private final BenchSettings settings;

	private final BenchDatabase db;

	private final Path benchJar;

	private ClassDataArchives archives;

	private boolean asBuiltMeasured;

	StartupScenario(BenchSettings settings, BenchDatabase db, Path benchJar) {
		this.settings = settings;
		this.db = db;
		this.benchJar = benchJar;
	}

	ScenarioResult run(String id) throws IOException, InterruptedException, SQLException {
		this.db.recreateBare();
		if (this.archives == null) {
			this.archives = prepareArchives();
		}
		List<String> notes = new ArrayList<>();
		// The goal is judged with class data sharing, for both, every run: that
		// is how the application should be deployed on a small VM. As built (fat
		// jar, no archive), and with the demo profile, once per benchmark: on one
		// CPU the application's plain start alone takes minutes on a busy machine.
		double app = Double.NaN;
		double bare = Double.NaN;
		double appDemoCds = Double.NaN;
		boolean first = !this.asBuiltMeasured;
		if (first) {
			this.asBuiltMeasured = true;
			app = appStart(List.of(), this.settings.appJar(), false, "startup-app");
			bare = bareStart(List.of(), List.of("-cp", this.benchJar.toString(), "-Dloader.main=" + BARE_MAIN,
					"org.springframework.boot.loader.launch.PropertiesLauncher"), "startup-bare");
			notes.add("as built (fat jar, no archive) and with the demo profile: measured in this run only");
		}
		List<Double> appCds = new ArrayList<>();
		List<Double> bareCds = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		if (this.archives.usable()) {
			if (first) {
				appDemoCds = appStart(appArchiveOptions(), this.archives.appJar(), true, "startup-app-demo-cds");
			}
			// Pairs, one start of each after the other: a spell of this machine's noise
			// then slows both of a pair, not one side of the ratio.
			for (int pair = 0; pair < PAIRS; pair++) {
				double appStart = appStart(appArchiveOptions(), this.archives.appJar(), false,
						"startup-app-cds-" + pair);
				double bareStart = bareStart(List.of("-XX:SharedArchiveFile=" + this.archives.bare(), "-Xshare:auto"),
						List.of("-cp", this.archives.benchJar().toString(), BARE_MAIN), "startup-bare-cds-" + pair);
				appCds.add(appStart);
				bareCds.add(bareStart);
				ratios.add(appStart / bareStart);
				notes.add("pair %d with class data archives: application %.2f s, bare %.2f s, ratio %.2f"
					.formatted(pair + 1, appStart, bareStart, appStart / bareStart));
			}
		}
		else {
			notes.add("class data sharing not measured: " + this.archives.problem());
		}
		notes.add("both pinned to CPU 0 (taskset -c 0) with " + AppInstance.jvmOptions(this.settings.maxHeap())
				+ ", on the run's database (migrated, demo data present); the application as a municipality runs it"
				+ " (without the demo profile, whose seed runs at every start); the bare application has the"
				+ " backend's Spring Boot starters and no code of its own");
		notes.add(
				"class data sharing: extracting the jars and one training start per jar took %.1f s once, archives %d MB (application) and %d MB (bare)"
					.formatted(this.archives.preparationSeconds(), this.archives.appMegabytes(),
							this.archives.bareMegabytes()));
		ScenarioResult.Builder result = ScenarioResult
			.of(id, "Start-up on one CPU with -Xmx" + this.settings.maxHeap() + ": application vs bare WebFlux")
			.figure("app_ready_cds_s", Medians.of(appCds))
			.figure("bare_ready_cds_s", Medians.of(bareCds))
			.figure("app_over_bare_cds", Medians.of(ratios))
			.figure("app_demo_ready_cds_s", appDemoCds)
			.figure("app_ready_s", app)
			.figure("bare_ready_s", bare)
			.figure("app_over_bare", app / bare)
			.goal("app_over_bare_cds", "<=", 2,
					"application ÷ bare WebFlux application, both extracted with a class data archive, median of "
							+ PAIRS + " pairs");
		notes.forEach(result::note);
		return result.build();
	}

	private List<String> appArchiveOptions() {
		return List.of("-XX:SharedArchiveFile=" + this.archives.app(), "-Xshare:auto");
	}

	/** A start-up that could not be measured: the goal is missed, the report says why. */
	static ScenarioResult failed(String id, Exception cause) {
		return ScenarioResult.of(id, "Start-up on one CPU: application vs bare WebFlux")
			.figure("app_over_bare_cds", Double.NaN)
			.goal("app_over_bare_cds", "<=", 2,
					"application ÷ bare WebFlux application, both with a class data archive")
			.note("not measured: " + cause)
			.build();
	}

	private double appStart(List<String> javaOptions, Path jar, boolean demo, String name)
			throws IOException, InterruptedException {
		AppInstance.Launch launch = new AppInstance.Launch(List.of("taskset", "-c", "0"), this.settings.maxHeap(),
				javaOptions, jar, this.settings.database(), List.of(), demo);
		try (AppInstance app = AppInstance.start(this.settings, PORT, name, launch)) {
			return app.startup().toMillis() / 1000.0;
		}
	}

	private double bareStart(List<String> javaOptions, List<String> classPathAndMain, String name)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("taskset", "-c", "0", "java", "-Xmx" + this.settings.maxHeap()));
		command.addAll(AppInstance.SMALL_VM_OPTIONS);
		command.addAll(javaOptions);
		command.addAll(classPathAndMain);
		command.addAll(bareArguments());
		try (AppInstance bare = AppInstance.launch(command, Map.of(), PORT,
				this.settings.workDir().resolve(name + ".log"), false)) {
			return bare.startup().toMillis() / 1000.0;
		}
	}

	private List<String> bareArguments() {
		String database = this.settings.database() + "_bare";
		return List.of("--server.port=" + PORT, "--spring.main.banner-mode=off",
				"--spring.r2dbc.url=r2dbc:postgresql://" + this.settings.dbHost() + ":" + this.settings.dbPort() + "/"
						+ database,
				"--spring.r2dbc.username=" + this.settings.dbUser(),
				"--spring.r2dbc.password=" + this.settings.dbPassword(),
				"--spring.flyway.url=" + this.settings.jdbcUrl(database),
				"--spring.flyway.user=" + this.settings.dbUser(),
				"--spring.flyway.password=" + this.settings.dbPassword(),
				"--logging.level.org.springframework.boot.availability=debug");
	}

	/**
	 * Extracts both jars (Spring Boot's {@code tools} jar mode) and records one archive
	 * each with a training start that ends after the context refresh.
	 */
	private ClassDataArchives prepareArchives() throws IOException, InterruptedException {
		long started = System.nanoTime();
		Path directory = this.settings.workDir().resolve("cds").toAbsolutePath();
		Path appDir = directory.resolve("app");
		Path benchDir = directory.resolve("bench");
		Path appArchive = directory.resolve("app.jsa");
		Path bareArchive = directory.resolve("bare.jsa");
		try {
			exec(List.of("java", "-Djarmode=tools", "-jar", this.settings.appJar().toString(), "extract",
					"--destination", appDir.toString()), directory.resolve("extract-app.log"), Map.of());
			exec(List.of("java", "-Djarmode=tools", "-jar", this.benchJar.toString(), "extract", "--destination",
					benchDir.toString()), directory.resolve("extract-bench.log"), Map.of());
			Path appJar = appDir.resolve(this.settings.appJar().getFileName());
			Path benchJar = benchDir.resolve(this.benchJar.getFileName());
			List<String> appTraining = new ArrayList<>(List.of("java", "-Xmx" + this.settings.maxHeap(),
					"-XX:ArchiveClassesAtExit=" + appArchive, "-Dspring.context.exit=onRefresh", "-jar",
					appJar.toString(), "--spring.profiles.active=demo", "--server.port=" + PORT));
			exec(appTraining, directory.resolve("train-app.log"),
					Map.of("DB_HOST", this.settings.dbHost(), "DB_PORT", Integer.toString(this.settings.dbPort()),
							"DB_NAME", this.settings.database(), "DB_USER", this.settings.dbUser(), "DB_PASSWORD",
							this.settings.dbPassword(), "DEMO_PASSWORD", AppInstance.DEMO_PASSWORD, "MAP_TILE_URL",
							""));
			List<String> bareTraining = new ArrayList<>(
					List.of("java", "-Xmx" + this.settings.maxHeap(), "-XX:ArchiveClassesAtExit=" + bareArchive,
							"-Dspring.context.exit=onRefresh", "-cp", benchJar.toString(), BARE_MAIN));
			bareTraining.addAll(bareArguments());
			exec(bareTraining, directory.resolve("train-bare.log"), Map.of());
			if (!Files.exists(appArchive) || !Files.exists(bareArchive)) {
				return ClassDataArchives.failed("a training start wrote no archive (see " + directory + ")");
			}
			return new ClassDataArchives(appJar, benchJar, appArchive, bareArchive, (System.nanoTime() - started) / 1e9,
					null);
		}
		catch (IllegalStateException ex) {
			return ClassDataArchives.failed(ex.getMessage());
		}
	}

	private static void exec(List<String> command, Path log, Map<String, String> environment)
			throws IOException, InterruptedException {
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		int exit = builder.start().waitFor();
		if (exit != 0) {
			throw new IllegalStateException(
					String.join(" ", command.subList(0, 4)) + " … exited with " + exit + " (see " + log + ")");
		}
	}

	/**
	 * The extracted jars and their class data archives.
	 *
	 * @param appJar the application's extracted jar
	 * @param benchJar the benchmark's extracted jar (holds the bare application)
	 * @param app the application's archive
	 * @param bare the bare application's archive
	 * @param preparationSeconds what extracting and training cost
	 * @param problem why there are no archives, or null
	 */
	private record ClassDataArchives(Path appJar, Path benchJar, Path app, Path bare, double preparationSeconds,
			String problem) {

		static ClassDataArchives failed(String problem) {
			return new ClassDataArchives(null, null, null, null, Double.NaN, problem);
		}

		boolean usable() {
			return this.problem == null;
		}

		long appMegabytes() {
			return megabytes(this.app);
		}

		long bareMegabytes() {
			return megabytes(this.bare);
		}

		private static long megabytes(Path file) {
			try {
				return (file != null) ? Files.size(file) / 1048576 : -1;
			}
			catch (IOException ex) {
				return -1;
			}
		}

	}

}
