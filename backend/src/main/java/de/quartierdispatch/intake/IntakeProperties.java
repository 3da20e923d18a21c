package de.quartierdispatch.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the intake.
 *
 * @param submissionsPerClient public submissions one client may make per
 * {@code submissionWindow}
 * @param submissionWindow the window of that limit
 * @param statusLookupsPerMinute status-page lookups one client may make per minute
 * (tracking codes must not be enumerable)
 * @param duplicateRadiusMeters how near an open incident must be to be offered as a
 * duplicate
 * @param duplicateWindow how recent it must be
 * @param counterNearbyPerMinute the counter's looks at open incidents nearby one client
 * may take per minute (their excerpts are city-wide)
 */
@ConfigurationProperties("quartier.intake")
record IntakeProperties(@DefaultValue("10") int submissionsPerClient, @DefaultValue("10m") Duration submissionWindow,
		@DefaultValue("30") int statusLookupsPerMinute, @DefaultValue("150") int duplicateRadiusMeters,
		@DefaultValue("2d") Duration duplicateWindow, @DefaultValue("120") int counterNearbyPerMinute) {
}
