package de.quartierdispatch.system;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages residents can use. Arabic and Farsi are written right to left.
 */
public enum Language {

	DE(false), EN(false), AR(true), FA(true), TR(false), UK(false), RO(false), BG(false);

	/** The language of the staff side and of every fallback. */
	public static final Language DEFAULT = DE;

	private final boolean rightToLeft;

	Language(boolean rightToLeft) {
		this.rightToLeft = rightToLeft;
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public Locale locale() {
		return Locale.forLanguageTag(code());
	}

	public boolean rightToLeft() {
		return this.rightToLeft;
	}

	public static Optional<Language> fromCode(String code) {
		return Arrays.stream(values()).filter((language) -> language.code().equalsIgnoreCase(code)).findFirst();
	}

	public static List<Locale> locales() {
		return Arrays.stream(values()).map(Language::locale).toList();
	}

}
