package de.quartierdispatch.publicmap;

import java.util.List;

import de.quartierdispatch.geo.GeoPoint;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/open-reports?lat=..&lon=..[&radius=..][&category=..]}: what is already
 * reported near a place, for the start page's map and the form's "Is it one of these?".
 */
@RestController
class PublicMapController {

	private final OpenReports reports;

	private final PublicMapProperties properties;

	PublicMapController(OpenReports reports, PublicMapProperties properties) {
		this.reports = reports;
		this.properties = properties;
	}

	@GetMapping(path = "/api/open-reports", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<List<OpenReport>>> near(@RequestParam double lat, @RequestParam double lon,
			@RequestParam(required = false) @Nullable Integer radius,
			@RequestParam(required = false) @Nullable String category) {
		int meters = Math.max(50, Math.min((radius != null) ? radius : this.properties.radiusMeters(),
				this.properties.maxRadiusMeters()));
		String code = (category != null && category.matches("[A-Z][A-Z0-9_]{1,31}")) ? category : null;
		return this.reports.near(new GeoPoint(lat, lon), meters, code)
			.collectList()
			.map((found) -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(found));
	}

}
