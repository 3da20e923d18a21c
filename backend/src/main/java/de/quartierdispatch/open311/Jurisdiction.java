package de.quartierdispatch.open311;

import org.jspecify.annotations.Nullable;

/**
 * This server answers for one jurisdiction: a request may leave {@code jurisdiction_id}
 * out, or name that one; another is refused as the specification says (404).
 */
final class Jurisdiction {

	private Jurisdiction() {
	}

	static void check(@Nullable String jurisdictionId, Open311Properties properties) {
		if (jurisdictionId != null && !jurisdictionId.isBlank()
				&& !jurisdictionId.strip().equalsIgnoreCase(properties.jurisdictionId())) {
			throw Open311Exception.notFound("jurisdiction_id " + jurisdictionId.strip() + " not found");
		}
	}

}
