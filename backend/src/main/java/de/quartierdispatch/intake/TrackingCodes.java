package de.quartierdispatch.intake;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Tracking codes: twelve random symbols of Crockford's Base32 (60 bits), shown as
 * {@code K7QM-3XPA-9F2C}. Unguessable, short enough to read out over the phone, and
 * forgiving when typed: case, spaces, dashes and the look-alikes O/0 and I/L/1 do not
 * matter.
 */
public final class TrackingCodes {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final int LENGTH = 12;

	private final SecureRandom random = new SecureRandom();

	String next() {
		StringBuilder code = new StringBuilder(LENGTH + 2);
		for (int i = 0; i < LENGTH; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return code.toString();
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
