package de.quartierdispatch.geo;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
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

	/**
	 * How far a tapped point may be from an address for the address to name the place.
	 */
	static final int NEAR_METRES = 75;

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

	/**
	 * The gazetteer's address nearest to a tapped point, within {@link #NEAR_METRES}: a
	 * place the resident, the counter or a field team can read ("near Hansastraße 9"). No
	 * external service is asked: it would learn where people are.
	 */
	@GetMapping("/api/geocode/reverse")
	Mono<NearestAddress> reverse(@RequestParam double lat, @RequestParam double lon) {
		// GeoPoint refuses what is not a position, naming the field at fault.
		return this.addresses.nearest(new GeoPoint(lat, lon), NEAR_METRES)
			.map(NearestAddress::new)
			.defaultIfEmpty(new NearestAddress(null));
	}

	private Mono<GeocodeResult> withExternal(String query, List<AddressMatch> found) {
		return this.external.search(query, MAX_RESULTS).map((more) -> {
			List<AddressMatch> all = new ArrayList<>(found);
			all.addAll(more);
			return new GeocodeResult(all.subList(0, Math.min(all.size(), MAX_RESULTS)), false);
		}).onErrorResume((failure) -> {
			// The failure's message would name the request, with the typed address in it.
			logger.warn("External geocoder unavailable: {}", failure.getClass().getSimpleName());
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

	/**
	 * The address nearest to a point.
	 *
	 * @param address none when no address lies near enough
	 */
	record NearestAddress(@Nullable AddressMatch address) {
	}

}
