package de.quartierdispatch.open311;

import java.util.Locale;

import de.quartierdispatch.system.Language;
import org.jspecify.annotations.Nullable;

/**
 * GeoReport v2's {@code locale} ({@code de_DE}, {@code en-GB}, {@code ar}) as one of the
 * eight languages the product speaks.
 */
final class Open311Languages {

	private Open311Languages() {
	}

	static Language of(@Nullable String locale, Language fallback) {
		if (locale == null || locale.isBlank()) {
			return fallback;
		}
		String language = Locale.forLanguageTag(locale.strip().replace('_', '-')).getLanguage();
		return Language.fromCode(language).orElse(fallback);
	}

}
