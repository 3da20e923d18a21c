package de.quartierdispatch.geo;

import java.text.Normalizer;

import de.quartierdispatch.system.TextNormalizer;
import org.jspecify.annotations.Nullable;

/** What makes a feature of a boundary file unusable before its geometry is looked at. */
final class QuarterFeatureChecks {

	private QuarterFeatureChecks() {
	}

	static @Nullable String problemOutsideGeometry(GeoJsonFeature feature, QuarterImportOptions options,
			@Nullable String code, @Nullable String name) {
		// The values as sent: the properties' JSON text spells a NUL as an escape.
		String rawCode = feature.raw(options.codeProperty());
		if (!TextNormalizer.storable(rawCode) || !TextNormalizer.storable(feature.raw(options.nameProperty()))) {
			return "a property contains characters that cannot be stored (NUL or broken Unicode)";
		}
		if (code == null) {
			return "the property \"" + options.codeProperty() + "\" (code) is missing or empty";
		}
		if (!code.equals(Normalizer.normalize(rawCode, Normalizer.Form.NFC).strip().replaceAll("\\s+", " "))) {
			// A code names the quarter it updates: cleaned, "1" followed by a control
			// character would silently replace quarter 1.
			return "the code contains control or invisible formatting characters";
		}
		if (code.length() > 64) {
			return "the code is longer than 64 characters";
		}
		if (name == null) {
			return "the property \"" + options.nameProperty() + "\" (name) is missing or empty";
		}
		if (name.length() > 200) {
			return "the name is longer than 200 characters";
		}
		if (feature.geometry() == null) {
			return "the feature has no geometry";
		}
		if (!feature.positionsAreNumbers()) {
			return "a position of the geometry is not two numbers";
		}
		return null;
	}

}
