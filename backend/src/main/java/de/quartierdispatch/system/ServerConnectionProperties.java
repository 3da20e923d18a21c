package de.quartierdispatch.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the HTTP server treats connections.
 *
 * @param forwardHeadersStrategy {@code native} to read {@code X-Forwarded-*} headers (as
 * far as {@code trustedProxies} allows), anything else to ignore them
 * @param trustedProxies how many proxies in front of this server are trusted (a number),
 * or their addresses (CIDR blocks, comma-separated)
 * @param headerReadTimeout the longest time a request's line and headers may take to
 * arrive; a slower connection is closed
 * @param bodyReadTimeout the longest pause while a request's body arrives
 */
@ConfigurationProperties("quartier.server")
public record ServerConnectionProperties(@DefaultValue("none") String forwardHeadersStrategy,
		@DefaultValue("1") String trustedProxies, @DefaultValue("10s") Duration headerReadTimeout,
		@DefaultValue("30s") Duration bodyReadTimeout) {
}
