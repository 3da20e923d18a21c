package de.quartierdispatch.system;

import java.util.regex.Pattern;

/**
 * The one spelling of a whole number the API reads: decimal digits, with a minus where
 * one is meant. Java's own parsers also take {@code +1} and other scripts' digits (a
 * full-width or Arabic-Indic 1), so one object would have many addresses.
 */
public final class WholeNumbers {

	private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}");

	private WholeNumbers() {
	}

	/**
	 * Whether the text is a whole number in decimal digits (it may still be too large).
	 */
	public static boolean isDecimal(String text) {
		return DECIMAL.matcher(text).matches();
	}

}
