package de.quartierdispatch.open311;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the Open311 GeoReport v2 interface.
 *
 * @param jurisdictionId the one jurisdiction this server answers for; requests naming
 * another are refused
 * @param language the language of answers when a request names none of the eight
 * @param maxRequests the most requests one {@code GET requests} returns
 * @param defaultWindow how far back {@code GET requests} looks without a
 * {@code start_date}
 * @param maxMediaSize the largest photo a partner app may send
 * @param requestsPerClient submissions one client address may make per minute, whatever
 * its key (each key also has its own hourly limit)
 * @param tokenLookupsPerMinute token lookups one client address may make per minute
 * @param contact who partner developers can write to (discovery document)
 */
@ConfigurationProperties("quartier.open311")
public record Open311Properties(@DefaultValue("bottrop.de") String jurisdictionId, @DefaultValue("de") String language,
		@DefaultValue("1000") int maxRequests, @DefaultValue("90d") Duration defaultWindow,
		@DefaultValue("5MB") DataSize maxMediaSize, @DefaultValue("60") int requestsPerClient,
		@DefaultValue("30") int tokenLookupsPerMinute, @DefaultValue("") String contact) {
}
