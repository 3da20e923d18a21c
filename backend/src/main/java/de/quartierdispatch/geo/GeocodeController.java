package de.quartierdispatch.geo;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Address search as the user types: the gazetteer first; the external service, when one
 * is configured, as fallback or in addition. When that service is slow or down, the
 * answer says so ({@code externalUnavailable}) and still carries what the gazetteer
 * found.
 */
@RestController
class GeocodeController {

	private static final Logger logger = LoggerFactory.getLogger(GeocodeController.class);

	private static final int MAX_RESULTS = 8;

	private final Addresses addresses;

	private final ExternalGeocoder external;

	GeocodeController(Addresses addresses, ExternalGeocoder external) {
		this.addresses = addresses;
		this.external = external;
	}

	@GetMapping("/api/geocode")
	Mono<GeocodeResult> geocode(@RequestParam String q) {
		String query = q.strip();
		if (query.length() < 3 || query.length() > 200) {
			return Mono.just(new GeocodeResult(List.of(), false));
		}
		return this.addresses.search(query, MAX_RESULTS).collectList().flatMap((found) -> {
			boolean ask = this.external.enabled() && (found.isEmpty() || this.external.alwaysAsked());
			return ask ? withExternal(query, found) : Mono.just(new GeocodeResult(found, false));
		});
	}

	private Mono<GeocodeResult> withExternal(String query, List<AddressMatch> found) {
		return this.external.search(query, MAX_RESULTS).map((more) -> {
			List<AddressMatch> all = new ArrayList<>(found);
			all.addAll(more);
			return new GeocodeResult(all.subList(0, Math.min(all.size(), MAX_RESULTS)), false);
		}).onErrorResume((failure) -> {
			logger.warn("External geocoder unavailable: {}", failure.toString());
			return Mono.just(new GeocodeResult(found, true));
		});
	}

	/**
	 * Addresses found.
	 *
	 * @param results best first
	 * @param externalUnavailable the external service was asked and did not answer in
	 * time
	 */
	record GeocodeResult(List<AddressMatch> results, boolean externalUnavailable) {
	}

}
