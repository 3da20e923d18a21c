package de.quartierdispatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report: every run's figures (JSON), and per scenario the median with its spread
 * over the runs, checked against the goals (Markdown). Goals are judged on the median;
 * how many runs met each goal is shown next to it.
 */
final class ReportWriter {

	private ReportWriter() {
	}

	static void write(Path directory, Map<String, Object> environment, List<List<ScenarioResult>> runs,
			String chartFile) throws IOException {
		Files.createDirectories(directory);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("environment", environment);
		json.put("summary", summary(runs));
		json.put("runs", runs);
		JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		Files.writeString(directory.resolve("report.json"), mapper.writeValueAsString(json));
		Files.writeString(directory.resolve("REPORT.md"), markdown(environment, runs, chartFile));
	}

	private static List<Map<String, Object>> summary(List<List<ScenarioResult>> runs) {
		List<Map<String, Object>> scenarios = new ArrayList<>();
		for (ScenarioResult first : runs.get(0)) {
			Map<String, Object> scenario = new LinkedHashMap<>();
			scenario.put("id", first.id());
			scenario.put("title", first.title());
			Map<String, Object> figures = new LinkedHashMap<>();
			for (String figure : first.figures().keySet()) {
				double[] values = values(runs, first.id(), figure);
				figures.put(figure,
						Map.of("median", median(values), "min", values[0], "max", values[values.length - 1]));
			}
			scenario.put("figures", figures);
			List<Map<String, Object>> goals = new ArrayList<>();
			for (ScenarioResult.Goal goal : first.goals()) {
				double[] values = values(runs, first.id(), goal.figure());
				goals.add(Map.of("figure", goal.figure(), "comparison", goal.comparison(), "limit", goal.limit(),
						"comparedWith", goal.meaning(), "median", median(values), "metByMedian",
						goal.metBy(median(values)), "runsMet", metCount(goal, values)));
			}
			scenario.put("goals", goals);
			scenarios.add(scenario);
		}
		return scenarios;
	}

	private static String markdown(Map<String, Object> environment, List<List<ScenarioResult>> runs, String chartFile) {
		StringBuilder md = new StringBuilder("# Benchmark report\n\n");
		md.append("Written by `ops/bench/run.sh`; what the scenarios do and what was found is in ")
			.append("[README.md](../README.md). ")
			.append(runs.size())
			.append(" run(s), each on a fresh database: figures are medians, with the lowest and highest run.\n\n");
		md.append("| Machine and settings | |\n|---|---|\n");
		environment.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value).append(" |\n"));
		md.append(
				"\n## Goals\n\nEach goal that depends on the machine is a ratio (or difference) to a limit measured in"
						+ " the same run, named in the last column; the median of the runs decides.\n\n"
						+ "| Scenario | Goal | Median | Runs met | | Compared with |\n|---|---|---:|---:|---|---|\n");
		for (ScenarioResult first : runs.get(0)) {
			for (ScenarioResult.Goal goal : first.goals()) {
				double[] values = values(runs, first.id(), goal.figure());
				double median = median(values);
				md.append(String.format(Locale.ROOT, "| %s | `%s` %s %s | %s | %d/%d | %s | %s |%n", first.id(),
						goal.figure(), goal.comparison(), number(goal.limit()), number(median), metCount(goal, values),
						values.length, goal.metBy(median) ? "met" : "**missed**", goal.meaning()));
			}
		}
		md.append("\n![Latency by percentile](").append(chartFile).append(")\n");
		for (ScenarioResult first : runs.get(0)) {
			md.append("\n## ").append(first.id()).append(": ").append(first.title()).append("\n\n");
			md.append("| Figure | Median | Lowest | Highest |\n|---|---:|---:|---:|\n");
			for (String figure : first.figures().keySet()) {
				double[] values = values(runs, first.id(), figure);
				md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", figure, number(median(values)),
						number(values[0]), number(values[values.length - 1])));
			}
			for (int run = 0; run < runs.size(); run++) {
				for (ScenarioResult result : runs.get(run)) {
					if (result.id().equals(first.id()) && !result.notes().isEmpty()) {
						md.append("\nRun ").append(run + 1).append(":\n\n");
						result.notes().forEach((note) -> md.append("    ").append(note).append('\n'));
					}
				}
			}
		}
		return md.toString();
	}

	/** The figure's values of the runs that measured it, sorted. */
	private static double[] values(List<List<ScenarioResult>> runs, String id, String figure) {
		double[] values = runs.stream()
			.flatMap(List::stream)
			.filter((result) -> result.id().equals(id))
			.mapToDouble((result) -> result.figures().getOrDefault(figure, Double.NaN))
			.filter((value) -> !Double.isNaN(value))
			.sorted()
			.toArray();
		return (values.length > 0) ? values : new double[] { Double.NaN };
	}

	private static double median(double[] sorted) {
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private static long metCount(ScenarioResult.Goal goal, double[] values) {
		return Arrays.stream(values).filter(goal::metBy).count();
	}

	private static String number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return String.format(Locale.ROOT, "%,d", (long) value);
		}
		if (Math.abs(value) < 10) {
			return String.format(Locale.ROOT, "%.2f", value);
		}
		return String.format(Locale.ROOT, "%,.1f", value);
	}

}
