package de.quartierdispatch.geo;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Asks the configured Nominatim- or Photon-compatible service. It may be slow or down:
 * every call has a timeout, and the caller decides what to do without it.
 */
@Component
class ExternalGeocoder {

	private final GeocoderProperties properties;

	private final WebClient client;

	ExternalGeocoder(GeocoderProperties properties, WebClient.Builder clients) {
		this.properties = properties;
		this.client = clients.build();
	}

	boolean enabled() {
		return this.properties.enabled();
	}

	boolean alwaysAsked() {
		return "always".equals(this.properties.mode());
	}

	/** Results of the service; fails with the timeout or the service's error. */
	Mono<List<AddressMatch>> search(String query, int limit) {
		boolean photon = "photon".equals(this.properties.type());
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(this.properties.url())
			.queryParam("q", query)
			.queryParam("limit", limit);
		if (!photon) {
			uri.queryParam("format", "jsonv2");
		}
		return this.client.get()
			.uri(uri.encode().build().toUri())
			.retrieve()
			.bodyToMono(JsonNode.class)
			.timeout(this.properties.timeout())
			.map((body) -> photon ? fromPhoton(body) : fromNominatim(body));
	}

	private static List<AddressMatch> fromNominatim(JsonNode results) {
		List<AddressMatch> matches = new ArrayList<>();
		for (JsonNode result : results) {
			if (result.hasNonNull("lat") && result.hasNonNull("lon") && result.hasNonNull("display_name")) {
				matches.add(new AddressMatch(result.get("display_name").asString(), result.get("lat").asDouble(),
						result.get("lon").asDouble(), "external"));
			}
		}
		return matches;
	}

	private static List<AddressMatch> fromPhoton(JsonNode collection) {
		List<AddressMatch> matches = new ArrayList<>();
		for (JsonNode feature : collection.path("features")) {
			JsonNode coordinates = feature.path("geometry").path("coordinates");
			JsonNode properties = feature.path("properties");
			if (coordinates.size() == 2) {
				String label = String
					.join(" ",
							List.of(properties.path("street").asString(""), properties.path("housenumber").asString(""),
									properties.path("postcode").asString(""),
									properties.path("city").asString(properties.path("name").asString(""))))
					.replaceAll("\\s+", " ")
					.strip();
				matches.add(new AddressMatch(label, coordinates.get(1).asDouble(), coordinates.get(0).asDouble(),
						"external"));
			}
		}
		return matches;
	}

}
