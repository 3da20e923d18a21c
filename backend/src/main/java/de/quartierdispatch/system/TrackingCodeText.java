package de.quartierdispatch.system;

import java.util.Locale;
import java.util.Optional;

/**
 * A tracking code as a person types it, wherever one is looked up (the status page, the
 * leads' search, the administrator's requests): case, spaces, dashes and the look-alikes
 * O/0 and I/L/1 do not matter. Codes are made by {@code intake.TrackingCodes}.
 */
public final class TrackingCodeText {

	/** Crockford's Base32: no I, L, O or U to mistake. */
	public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	public static final int LENGTH = 12;

	private TrackingCodeText() {
	}

	/**
	 * The canonical form of what a person typed, or empty when it cannot be a tracking
	 * code. Digits in any script count (an Arabic or Persian phone keyboard types ٤ or ۴
	 * for 4), and so does any dash between the groups.
	 */
	public static Optional<String> normalize(String typed) {
		StringBuilder latin = new StringBuilder(typed.length());
		typed.codePoints()
			.forEach((c) -> latin.appendCodePoint(Character.isDigit(c) ? '0' + Character.digit(c, 10) : c));
		String symbols = latin.toString()
			.toUpperCase(Locale.ROOT)
			.replaceAll("[\\s\\p{Pd}\\u2212]", "")
			.replace('O', '0')
			.replace('I', '1')
			.replace('L', '1');
		if (symbols.length() != LENGTH || !symbols.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0)) {
			return Optional.empty();
		}
		return Optional.of(symbols.substring(0, 4) + "-" + symbols.substring(4, 8) + "-" + symbols.substring(8));
	}

}
