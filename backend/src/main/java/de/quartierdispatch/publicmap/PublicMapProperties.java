package de.quartierdispatch.publicmap;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public map of open reports.
 *
 * @param radiusMeters the default radius around the chosen place
 * @param maxRadiusMeters the largest radius a caller may ask for
 * @param cellLatDegrees the grid cell's height (0.001° ≈ 111 m)
 * @param cellLonDegrees the grid cell's width (0.0015° ≈ 104 m at 51.5° N)
 * @param hiddenCategories categories that never appear on the map (by default those about
 * people, not places)
 * @param limit the most reports one answer holds
 * @param lookupsPerMinute map requests one client may make per minute
 */
@ConfigurationProperties("quartier.public-map")
public record PublicMapProperties(@DefaultValue("500") int radiusMeters, @DefaultValue("1500") int maxRadiusMeters,
		@DefaultValue("0.001") double cellLatDegrees, @DefaultValue("0.0015") double cellLonDegrees,
		@Nullable List<String> hiddenCategories, @DefaultValue("100") int limit,
		@DefaultValue("60") int lookupsPerMinute) {

	/**
	 * Reports about people rather than places: a person in need, neighbours, aggression,
	 * drugs.
	 */
	static final List<String> ABOUT_PEOPLE = List.of("PERSON_IN_NEED", "NEIGHBOUR_CONFLICT", "AGGRESSION",
			"DRUGS_ALCOHOL");

	public PublicMapProperties {
		hiddenCategories = (hiddenCategories != null) ? List.copyOf(hiddenCategories) : ABOUT_PEOPLE;
	}

	@Override
	public List<String> hiddenCategories() {
		return (this.hiddenCategories != null) ? this.hiddenCategories : ABOUT_PEOPLE;
	}
}
