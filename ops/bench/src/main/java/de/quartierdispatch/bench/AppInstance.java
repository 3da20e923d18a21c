package de.quartierdispatch.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One application process as an operator runs it (the demo profile: the demo city's
 * quarters, teams and rules), with the heap limit of the footprint goal. It measures its
 * own start-up (process launch to readiness) and samples the heap in use once a second
 * from the Prometheus endpoint.
 */
final class AppInstance implements AutoCloseable {

	static final String DEMO_PASSWORD = "bench-demo-password-4711";

	/**
	 * The JVM as the README sets it up for a small VM (1 vCPU, 1 GB), besides the heap
	 * limit. On one CPU the JVM picks the serial collector by itself; here, on more, it
	 * would pick G1, whose own tables take 45–50 MB with this heap (native memory
	 * tracking). The JVM hands memory that the C2 compiler and Netty's direct buffers
	 * freed back to the system every 5 s: glibc kept 37–53 MB of it otherwise
	 * ({@code jcmd <pid> System.trim_native_heap} after a fan-out).
	 */
	static final List<String> SMALL_VM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=5000");

	/** The JVM options of every application instance, for the report. */
	static String jvmOptions(String maxHeap) {
		return "-Xmx" + maxHeap + " " + String.join(" ", SMALL_VM_OPTIONS);
	}

	private static final String TLS_PASSWORD = "bench-tls-4711";

	private static final String METRICS_TOKEN = "bench-metrics-token";

	/** The key a server without the demo profile needs for second factors. */
	private static final String MFA_SECRET_KEY = randomKey();

	private static final Pattern HEAP_USED = Pattern
		.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} (\\S+)$", Pattern.MULTILINE);

	private final Process process;

	private final int port;

	private final Duration startup;

	private final Path log;

	private final AtomicLong maxHeapUsed = new AtomicLong();

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String scheme;

	private AppInstance(Process process, int port, Duration startup, Path log, String scheme) {
		this.process = process;
		this.scheme = scheme;
		this.log = log;
		this.port = port;
		this.startup = startup;
		this.sampler.scheduleAtFixedRate(this::sampleHeap, 0, 1, TimeUnit.SECONDS);
	}

	static AppInstance start(BenchSettings settings, int port, String name) throws IOException, InterruptedException {
		return start(settings, port, name, Launch.asOperator(settings));
	}

	/**
	 * Starts an instance as production serves the field app: HTTPS with HTTP/2, with a
	 * self-signed certificate made for the run (a phone's browser needs HTTPS for the
	 * service worker anyway, and every TLS-terminating proxy speaks HTTP/2). Its
	 * readiness is read from its log only, and its heap is not sampled.
	 */
	static AppInstance startWithTls(BenchSettings settings, int port, String name)
			throws IOException, InterruptedException {
		Path keystore = settings.workDir().resolve(name + "-tls.p12");
		Files.deleteIfExists(keystore);
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "bench", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
				"-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
				keystore.toString(), "-storepass", TLS_PASSWORD)
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (keytool.waitFor() != 0) {
			throw new IllegalStateException("keytool could not make the benchmark's certificate");
		}
		Launch launch = new Launch(List.of(), settings.maxHeap(), List.of(), settings.appJar(), settings.database(),
				List.of("--server.http2.enabled=true", "--server.ssl.key-store=file:" + keystore.toAbsolutePath(),
						"--server.ssl.key-store-password=" + TLS_PASSWORD, "--server.ssl.key-store-type=PKCS12"),
				true);
		return start(settings, port, name, launch, "https");
	}

	/** Starts the application jar as {@code launch} says (CPU pinning, heap, archive). */
	static AppInstance start(BenchSettings settings, int port, String name, Launch launch)
			throws IOException, InterruptedException {
		return start(settings, port, name, launch, "http");
	}

	private static AppInstance start(BenchSettings settings, int port, String name, Launch launch, String scheme)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(launch.prefix());
		command.addAll(List.of("java", "-Xmx" + launch.maxHeap()));
		command.addAll(SMALL_VM_OPTIONS);
		// BENCH_APP_JAVA_OPTS, e.g. a JFR recording:
		// -XX:StartFlightRecording=filename=app.jfr
		command.addAll(settings.appJavaOptions());
		command.addAll(launch.javaOptions());
		command.addAll(List.of("-jar", launch.jar().toString(),
				// Every load-generator request comes from one address: lift the per-
				// client allowances that protect the public form, and the per-account
				// board limit.
				"--quartier.intake.submissions-per-client=1000000000", "--quartier.board.max-connections-per-user=5000",
				// The team lead whose session the boards share signs in with the password
				// alone: the benchmark measures intake and the board, not sign-in.
				"--quartier.security.mfa.required-roles=",
				// Readiness is announced in the log: the start-up figure ends there.
				"--logging.level.org.springframework.boot.availability=debug"));
		if (launch.demo()) {
			command.add("--spring.profiles.active=demo");
		}
		command.addAll(launch.arguments());
		Map<String, String> env = new HashMap<>();
		// Two malloc arenas instead of eight per CPU, as in ops/Dockerfile.
		env.put("MALLOC_ARENA_MAX", "2");
		env.put("DB_HOST", settings.dbHost());
		env.put("DB_PORT", Integer.toString(settings.dbPort()));
		env.put("DB_NAME", launch.database());
		env.put("DB_USER", settings.dbUser());
		env.put("DB_PASSWORD", settings.dbPassword());
		env.put("PORT", Integer.toString(port));
		env.put("DEMO_PASSWORD", DEMO_PASSWORD);
		env.put("METRICS_TOKEN", METRICS_TOKEN);
		env.put("MAP_TILE_URL", "");
		if (!launch.demo()) {
			env.put("MFA_SECRET_KEY", MFA_SECRET_KEY);
		}
		return launch(command, env, port, settings.workDir().resolve(name + ".log"), "http".equals(scheme), scheme);
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	/**
	 * Starts any process that announces its readiness in its log as Spring Boot does (the
	 * bare WebFlux application too) and waits for it.
	 */
	static AppInstance launch(List<String> command, Map<String, String> environment, int port, Path log,
			boolean readinessEndpoint) throws IOException, InterruptedException {
		return launch(command, environment, port, log, readinessEndpoint, "http");
	}

	private static AppInstance launch(List<String> command, Map<String, String> environment, int port, Path log,
			boolean readinessEndpoint, String scheme) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		long launched = System.nanoTime();
		Process process = builder.start();
		Duration startup = awaitReadiness(process, port, log, launched, readinessEndpoint);
		return new AppInstance(process, port, startup, log, scheme);
	}

	/**
	 * Copies the application's output to its log and waits for the line that says it
	 * accepts traffic; then checks that the readiness endpoint agrees.
	 */
	private static Duration awaitReadiness(Process process, int port, Path log, long launched,
			boolean readinessEndpoint) throws IOException, InterruptedException {
		CompletableFuture<Long> ready = new CompletableFuture<>();
		Thread copier = new Thread(() -> copyOutput(process, log, ready), "app-log-" + port);
		copier.setDaemon(true);
		copier.start();
		long readyAt;
		try {
			readyAt = ready.get(300, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			process.destroyForcibly();
			throw new IllegalStateException("The application did not become ready (" + ex.getMessage() + "); see " + log
					+ ":\n" + String.join("\n", Files.readAllLines(log).stream().limit(50).toList()));
		}
		if (!readinessEndpoint) {
			return Duration.ofNanos(readyAt - launched);
		}
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		int status = HttpClient.newHttpClient().send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode();
		if (status != 200) {
			process.destroyForcibly();
			throw new IllegalStateException("The application said it was ready, but readiness answers " + status);
		}
		return Duration.ofNanos(readyAt - launched);
	}

	private static void copyOutput(Process process, Path log, CompletableFuture<Long> ready) {
		try (BufferedReader output = process.inputReader(StandardCharsets.UTF_8);
				BufferedWriter file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
			String line;
			while ((line = output.readLine()) != null) {
				if (line.contains("ReadinessState changed") && line.contains("ACCEPTING_TRAFFIC")) {
					ready.complete(System.nanoTime());
				}
				file.write(line);
				file.newLine();
				file.flush();
			}
			ready.completeExceptionally(new IllegalStateException("the application exited"));
		}
		catch (IOException ex) {
			ready.completeExceptionally(ex);
		}
	}

	private void sampleHeap() {
		if (!"http".equals(this.scheme)) {
			return;
		}
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
				.header("Authorization", "Bearer " + METRICS_TOKEN)
				.timeout(Duration.ofSeconds(2))
				.build();
			String metrics = this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
			Matcher pools = HEAP_USED.matcher(metrics);
			double used = 0;
			while (pools.find()) {
				used += Double.parseDouble(pools.group(1));
			}
			long heap = (long) used;
			this.maxHeapUsed.accumulateAndGet(heap, Math::max);
		}
		catch (IOException | RuntimeException ex) {
			// A missed sample is no finding; the next one comes in a second.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	long pid() {
		return this.process.pid();
	}

	String baseUrl() {
		return this.scheme + "://localhost:" + this.port;
	}

	Duration startup() {
		return this.startup;
	}

	long logLinesContaining(String text) throws IOException {
		try (Stream<String> lines = Files.lines(this.log)) {
			return lines.filter((line) -> line.contains(text)).count();
		}
	}

	/**
	 * The most resident memory the process has had so far ({@code VmHWM}): what a small
	 * VM must hold, heap or not.
	 */
	long peakResidentBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
				if (line.startsWith("VmHWM:")) {
					return 1024 * Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException ex) {
			// The process has ended: nothing to read.
		}
		return -1;
	}

	long maxHeapUsedBytes() {
		return this.maxHeapUsed.get();
	}

	@Override
	public void close() {
		this.sampler.shutdownNow();
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * How the application jar is started.
	 *
	 * @param prefix a command that runs java (taskset), or nothing
	 * @param maxHeap the heap limit
	 * @param javaOptions further JVM options (a class data archive)
	 * @param jar the jar (the built one, or one extracted for class data sharing)
	 * @param database the database it uses
	 * @param arguments further application arguments
	 * @param demo whether the demo profile runs (its accounts, and its seed at every
	 * start); without it the application starts as a municipality runs it
	 */
	record Launch(List<String> prefix, String maxHeap, List<String> javaOptions, Path jar, String database,
			List<String> arguments, boolean demo) {

		static Launch asOperator(BenchSettings settings) {
			return new Launch(List.of(), settings.maxHeap(), List.of(), settings.appJar(), settings.database(),
					List.of(), true);
		}

	}

}
