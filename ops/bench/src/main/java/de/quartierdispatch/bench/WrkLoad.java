package de.quartierdispatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The intake ceiling's load generator: {@code wrk}, a closed-model HTTP client in C, as
 * pgbench is the database's. Each connection sends its next submission when the last one
 * is answered, with a fresh {@code Idempotency-Key} and one of the same randomised
 * reports pgbench runs. A client in Java cost 1.5 to 1.9 ms of CPU per submission on the
 * two cores the application and the database share, pgbench's client about 0.45 ms per
 * transaction: the comparison measured the load generators as much as the application.
 */
final class WrkLoad {

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([0-9.]+)(m?s)");

	private static final Pattern NOT_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private final String executable;

	private final Path workDir;

	private final String script;

	private final String baseUrl;

	private int steps;

	private WrkLoad(String executable, Path workDir, String script, String baseUrl) {
		this.executable = executable;
		this.workDir = workDir;
		this.script = script;
		this.baseUrl = baseUrl;
	}

	/** The script: the reports, the CSRF cookie a browser got with the form. */
	static WrkLoad prepare(String executable, Path workDir, Api api, ReportBodies bodies, RandomGenerator random,
			int count) {
		StringBuilder lua = new StringBuilder("-- Written by WrkLoad: one public submission per request.\n");
		lua.append("local bodies = {\n");
		for (int i = 0; i < count; i++) {
			lua.append("[==[").append(bodies.next(random)).append("]==],\n");
		}
		lua.append("}\n");
		lua.append("""
				local headers = { ["Content-Type"] = "application/json", ["Origin"] = "%s",
				                  ["Cookie"] = "XSRF-TOKEN=%s" }
				local counter = 0
				local threads = 0
				function setup(thread)
				  threads = threads + 1
				  thread:set("prefix", step .. "-" .. threads)
				end
				function request()
				  counter = counter + 1
				  headers["Idempotency-Key"] = prefix .. "-" .. counter
				  return wrk.format("POST", "/api/reports", headers, bodies[(counter %% #bodies) + 1])
				end
				""".formatted(api.baseUrl(), api.csrf()));
		return new WrkLoad(executable, workDir, lua.toString(), api.baseUrl());
	}

	/** One step: {@code clients} connections for {@code duration}. */
	Result run(int clients, Duration duration) throws IOException, InterruptedException {
		this.steps++;
		// The step's name makes every Idempotency-Key of the benchmark unique.
		String step = "wrk-" + ProcessHandle.current().pid() + "-" + this.steps;
		Path script = this.workDir.resolve(step + ".lua");
		Files.writeString(script, "step = \"" + step + "\"\n" + this.script, StandardCharsets.UTF_8);
		int threads = Math.min(clients, Runtime.getRuntime().availableProcessors());
		List<String> command = List.of(this.executable, "-t", Integer.toString(threads), "-c",
				Integer.toString(clients), "-d", duration.toSeconds() + "s", "--timeout", "30s", "-s",
				script.toString(), this.baseUrl);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int exit = process.waitFor();
		Matcher requests = REQUESTS.matcher(output);
		if (exit != 0 || !requests.find()) {
			throw new IllegalStateException("wrk failed (exit " + exit + "):\n" + output);
		}
		long total = Long.parseLong(requests.group(1));
		double seconds = Double.parseDouble(requests.group(2)) / (requests.group(3).equals("ms") ? 1000 : 1);
		Matcher not2xx = NOT_2XX.matcher(output);
		long refused = not2xx.find() ? Long.parseLong(not2xx.group(1)) : 0;
		Matcher socket = SOCKET_ERRORS.matcher(output);
		long socketErrors = 0;
		if (socket.find()) {
			for (int group = 1; group <= 4; group++) {
				socketErrors += Long.parseLong(socket.group(group));
			}
		}
		long accepted = total - refused;
		return new Result(clients, accepted, refused + socketErrors, accepted / seconds,
				(refused + socketErrors > 0) ? List.of(output.strip()) : List.of());
	}

	/**
	 * One step.
	 *
	 * @param clients connections
	 * @param accepted answered with a success (201)
	 * @param errors other answers and connection errors
	 * @param perSecond accepted submissions per second
	 * @param errorSamples wrk's report when there were errors
	 */
	record Result(int clients, long accepted, long errors, double perSecond, List<String> errorSamples) {
	}

}
