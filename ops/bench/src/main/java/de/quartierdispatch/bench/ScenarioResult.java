package de.quartierdispatch.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scenario measured in one run: named figures, the goals they are checked
 * against, and notes for the report.
 *
 * @param id short identifier, stable across runs
 * @param title what the scenario does
 * @param figures measured values by name (units in the name)
 * @param goals the checks
 * @param notes anything a reader needs to judge the figures (error samples, settings)
 */
record ScenarioResult(String id, String title, Map<String, Double> figures, List<Goal> goals, List<String> notes) {

	static Builder of(String id, String title) {
		return new Builder(id, title);
	}

	/** The same result with one more note. */
	ScenarioResult withNote(String note) {
		List<String> more = new ArrayList<>(this.notes);
		more.add(note);
		return new ScenarioResult(this.id, this.title, this.figures, this.goals, List.copyOf(more));
	}

	private void print() {
		System.out.printf("%n== %s: %s%n", this.id, this.title);
		this.figures.forEach((name, value) -> System.out.printf("   %-40s %,14.2f%n", name, value));
		for (Goal goal : this.goals) {
			double value = this.figures.getOrDefault(goal.figure(), Double.NaN);
			System.out.printf("   goal %s %s %s: %s%s%n", goal.figure(), goal.comparison(), goal.limit(),
					goal.metBy(value) ? "MET" : "MISSED", goal.meaning().isEmpty() ? "" : " (" + goal.meaning() + ")");
		}
		this.notes.forEach((note) -> System.out.println("   note: " + note));
	}

	/**
	 * A goal: {@code figure} compared with {@code limit}.
	 *
	 * @param figure the figure's name
	 * @param comparison {@code <=}, {@code >=} or {@code ==}
	 * @param limit the goal
	 * @param meaning what the figure compares, when it is a ratio to a limit measured in
	 * the same run
	 */
	record Goal(String figure, String comparison, double limit, String meaning) {

		boolean metBy(double value) {
			return switch (this.comparison) {
				case "<=" -> value <= this.limit;
				case ">=" -> value >= this.limit;
				case "==" -> value == this.limit;
				default -> throw new IllegalStateException("Unknown comparison " + this.comparison);
			};
		}

	}

	/** Collects a result. */
	static final class Builder {

		private final String id;

		private final String title;

		private final Map<String, Double> figures = new LinkedHashMap<>();

		private final List<Goal> goals = new ArrayList<>();

		private final List<String> notes = new ArrayList<>();

		private Builder(String id, String title) {
			this.id = id;
			this.title = title;
		}

		Builder figure(String name, double value) {
			this.figures.put(name, value);
			return this;
		}

		Builder goal(String figure, String comparison, double limit) {
			return goal(figure, comparison, limit, "");
		}

		Builder goal(String figure, String comparison, double limit, String meaning) {
			this.goals.add(new Goal(figure, comparison, limit, meaning));
			return this;
		}

		Builder note(String note) {
			this.notes.add(note);
			return this;
		}

		ScenarioResult build() {
			ScenarioResult result = new ScenarioResult(this.id, this.title, this.figures, this.goals, this.notes);
			result.print();
			return result;
		}

	}

}
