package de.quartierdispatch.intake;

import de.quartierdispatch.geo.GeoPoint;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/**
 * A position as a form sends it.
 *
 * @param lat latitude
 * @param lon longitude
 */
record GeoLocation(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
		@NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {

	GeoPoint toPoint() {
		return new GeoPoint(this.lat, this.lon);
	}

}
