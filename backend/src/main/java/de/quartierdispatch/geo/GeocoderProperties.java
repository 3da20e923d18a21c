package de.quartierdispatch.geo;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An optional external geocoding service, Nominatim- or Photon-compatible, e.g. a city's
 * own Nominatim. Without a URL, only the gazetteer is searched.
 *
 * @param url the search endpoint, e.g. {@code https://nominatim.example.org/search}
 * @param type {@code nominatim} or {@code photon}: the two response formats understood
 * @param mode {@code fallback}: ask it only when the gazetteer finds nothing;
 * {@code always}: add its results after the gazetteer's
 * @param timeout how long to wait for it before answering without it
 * @param lookupsPerMinute address searches, and separately addresses of points, one
 * client may ask for per minute: generous for typing, not for harvesting the gazetteer
 */
@ConfigurationProperties("quartier.geocoder")
record GeocoderProperties(@Nullable String url, @DefaultValue("nominatim") String type,
		@DefaultValue("fallback") String mode, @DefaultValue("2s") Duration timeout,
		@DefaultValue("120") int lookupsPerMinute) {

	boolean enabled() {
		return this.url != null && !this.url.isBlank();
	}

}
