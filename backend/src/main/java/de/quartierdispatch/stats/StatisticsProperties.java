package de.quartierdispatch.stats;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How statistics are published.
 *
 * @param minimumCount counts smaller than this are shown as suppressed (a single
 * complaint about one house in a small quarter would otherwise point at its neighbours)
 */
@ConfigurationProperties("quartier.stats")
public record StatisticsProperties(@DefaultValue("3") int minimumCount) {
}
