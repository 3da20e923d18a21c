package de.quartierdispatch.routing;

/**
 * Facts a report can carry that change who should go.
 */
public enum ReportFlag {

	/** Someone was aggressive or threatening. */
	AGGRESSION,

	/** Young people are involved. */
	YOUTH,

	/** It has happened before. */
	RECURRING,

	/**
	 * Several reports of this kind in the quarter recently (set by routing, not by
	 * reporters).
	 */
	HOTSPOT

}
