package de.quartierdispatch.system;

import java.text.Normalizer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Cleans free text before it is checked and stored: Unicode NFC, line breaks as
 * {@code \n}, tabs as spaces, control characters, direction overrides and unpaired
 * surrogates removed (PostgreSQL would refuse some, and none has a meaning in a
 * complaint); text that shows nothing ({@link VisibleText}) becomes empty. Everything
 * else is kept as written; output is always escaped by whoever displays it.
 */
public final class TextNormalizer {

	private static final Pattern ZERO_WIDTH_SPACES = Pattern.compile("[\\u200B\\u2060\\uFEFF]");

	private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\p{Z}]+");

	private TextNormalizer() {
	}

	public static @Nullable String clean(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String normalized = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
		StringBuilder cleaned = new StringBuilder(normalized.length());
		for (int i = 0; i < normalized.length(); i++) {
			char c = normalized.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < normalized.length()
					&& Character.isLowSurrogate(normalized.charAt(i + 1))) {
				cleaned.append(c).append(normalized.charAt(++i));
			}
			else if (c == '\n') {
				cleaned.append(c);
			}
			else if (c == '\t') {
				cleaned.append(' ');
			}
			else if (!Character.isISOControl(c) && !Character.isSurrogate(c) && !isDirectionOverride(c)) {
				cleaned.append(c);
			}
		}
		String stripped = cleaned.toString().strip();
		return VisibleText.isVisible(stripped) ? stripped : "";
	}

	/**
	 * The explicit embeddings, overrides and isolates (U+202A to U+202E, U+2066 to
	 * U+2069): left unclosed, they turn the text after them around on the board, in the
	 * audit trail and in exports ("Trojan Source"). Pages set each text's direction
	 * themselves; the marks U+200E and U+200F, which keyboards insert, stay.
	 */
	private static boolean isDirectionOverride(char c) {
		return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
	}

	/**
	 * Whether PostgreSQL can store the text and a password hash can digest it: no NUL
	 * character and no unpaired UTF-16 surrogate. This is decided once, where text enters
	 * (JSON, parameters, path, form fields, imported files); such text is refused with
	 * 400, never cleaned silently, because it is never typed by a person.
	 */
	public static boolean storable(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Like {@link #clean}, on one line: every run of white space (line and paragraph
	 * separators and no-break spaces too) becomes one space, and the zero-width spaces
	 * (U+200B, U+2060, U+FEFF) go: in a name they only make a look-alike of another. The
	 * zero-width (non-)joiners stay, Persian and emoji need them. For names and address
	 * parts; absent text becomes empty.
	 */
	public static String oneLine(@Nullable String text) {
		String cleaned = clean(text);
		if (cleaned == null) {
			return "";
		}
		String spaced = WHITE_SPACE.matcher(ZERO_WIDTH_SPACES.matcher(cleaned).replaceAll("")).replaceAll(" ").strip();
		return VisibleText.isVisible(spaced) ? spaced : "";
	}

	/** Like {@link #clean}, but empty text becomes {@code null}. */
	public static @Nullable String cleanOrNull(@Nullable String text) {
		String cleaned = clean(text);
		return (cleaned == null || cleaned.isEmpty()) ? null : cleaned;
	}

}
