package de.quartierdispatch.geo;

import java.util.List;

/**
 * Where a point lies: the most specific (smallest) area containing it, and the areas that
 * enclose that one, from the next larger to the largest.
 */
public record QuarterLocation(QuarterRef quarter, List<QuarterRef> enclosing) {

	/**
	 * Codes of the quarter and every enclosing area, for rules that name a larger area.
	 */
	public List<String> codes() {
		return java.util.stream.Stream.concat(java.util.stream.Stream.of(this.quarter), this.enclosing.stream())
			.map(QuarterRef::code)
			.toList();
	}

}
