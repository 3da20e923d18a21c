package de.quartierdispatch.stats;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How statistics are published.
 *
 * @param minimumCount counts smaller than this are shown as suppressed (a single
 * complaint about one house in a small quarter would otherwise point at its neighbours)
 * @param cellEdgeMetres the edge length of the map's hexagon cells, in metres (a cell is
 * twice as wide; locations are coarsened to about 100 m after the text retention, so
 * cells stay well above that)
 */
@ConfigurationProperties("quartier.stats")
public record StatisticsProperties(@DefaultValue("3") int minimumCount, @DefaultValue("250") int cellEdgeMetres) {

	public StatisticsProperties {
		if (minimumCount < 1) {
			throw new IllegalArgumentException("quartier.stats.minimum-count must be at least 1");
		}
		if (cellEdgeMetres < 50 || cellEdgeMetres > 5_000) {
			throw new IllegalArgumentException("quartier.stats.cell-edge-metres must be between 50 and 5000");
		}
	}

}
