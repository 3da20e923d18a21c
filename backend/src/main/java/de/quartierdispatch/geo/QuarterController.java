package de.quartierdispatch.geo;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public read access to quarters: the map layer and "which quarter is this point in".
 */
@RestController
@RequestMapping("/api/quarters")
class QuarterController {

	static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final Quarters quarters;

	QuarterController(Quarters quarters) {
		this.quarters = quarters;
	}

	@GetMapping(produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	Mono<ResponseEntity<String>> all() {
		return this.quarters.featureCollection()
			.map((document) -> ResponseEntity.ok()
				.contentType(GEO_JSON)
				.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
				.body(document));
	}

	@GetMapping("/locate")
	Mono<QuarterLocation> locate(@RequestParam String lat, @RequestParam String lon) {
		GeoPoint point = GeoPoint.parse(lat, lon);
		return this.quarters.locate(point).switchIfEmpty(Mono.error(PointOutsideQuartersException::new));
	}

}
