package de.quartierdispatch.routing;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routing settings.
 *
 * @param zone the zone rules' weekdays and time windows are read in
 * @param hotspotReports reports of one category in one quarter within
 * {@code hotspotWindow} that make it a hotspot
 * @param hotspotWindow the window of that count
 * @param escalationInterval how often overdue incidents are looked for
 */
@ConfigurationProperties("quartier.routing")
public record RoutingProperties(@DefaultValue("Europe/Berlin") ZoneId zone, @DefaultValue("3") int hotspotReports,
		@DefaultValue("7d") Duration hotspotWindow, @DefaultValue("30s") Duration escalationInterval) {
}
