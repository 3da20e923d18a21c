package de.quartierdispatch.bench;

import java.util.List;

/** The middle of a few measurements of one run (the upper one of an even count). */
final class Medians {

	private Medians() {
	}

	static double of(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
	}

}
