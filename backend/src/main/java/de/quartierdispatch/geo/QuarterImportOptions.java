package de.quartierdispatch.geo;

/**
 * How to read a city's boundary file: cities name their properties differently.
 *
 * @param codeProperty the feature property holding the quarter's code, e.g. {@code code}
 * @param nameProperty the feature property holding its name, e.g. {@code name}
 * @param repair repair self-intersections and similar faults instead of refusing the file
 */
public record QuarterImportOptions(String codeProperty, String nameProperty, boolean repair) {

	public QuarterImportOptions {
		if (codeProperty.isBlank() || nameProperty.isBlank()) {
			throw new IllegalArgumentException("the code and name properties must be named");
		}
	}

}
