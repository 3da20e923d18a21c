package de.quartierdispatch.system;

/**
 * Whether text shows anything. Text of white space, format characters (zero-width space,
 * direction marks and overrides, the byte order mark), fillers, variation selectors and
 * accents with no letter to sit on alone is as empty to the person reading it as no text
 * at all, so it never counts as a name, a note or a description.
 */
public final class VisibleText {

	private VisibleText() {
	}

	/** Whether the text has at least one character a reader sees. */
	public static boolean isVisible(CharSequence text) {
		return text.codePoints().anyMatch(VisibleText::shows);
	}

	/**
	 * The characters of the text that take a place on the line (white space included,
	 * invisible characters not): what a minimum length counts.
	 */
	public static int length(CharSequence text) {
		return (int) text.codePoints().filter((codePoint) -> !invisible(codePoint)).count();
	}

	private static boolean shows(int codePoint) {
		return !invisible(codePoint) && !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint)
				&& !isMark(codePoint);
	}

	/** An accent or vowel sign: it shows on the character before it, never alone. */
	private static boolean isMark(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
				|| type == Character.COMBINING_SPACING_MARK;
	}

	private static boolean invisible(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.FORMAT || type == Character.CONTROL || type == Character.UNASSIGNED
				|| isFiller(codePoint) || isVariationSelector(codePoint);
	}

	/** Hangul fillers, the combining grapheme joiner and the braille blank. */
	private static boolean isFiller(int codePoint) {
		return codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
				|| codePoint == 0x034F || codePoint == 0x2800;
	}

	private static boolean isVariationSelector(int codePoint) {
		return (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0x180B && codePoint <= 0x180F)
				|| (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
	}

}
