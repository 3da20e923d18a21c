package de.quartierdispatch.system;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

/**
 * Cleans free text before it is checked and stored: Unicode NFC, line breaks as
 * {@code \n}, tabs as spaces, control characters and unpaired surrogates removed
 * (PostgreSQL would refuse them, and they have no meaning in a complaint). Everything
 * else is kept as written; output is always escaped by whoever displays it.
 */
public final class TextNormalizer {

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
			else if (!Character.isISOControl(c) && !Character.isSurrogate(c)) {
				cleaned.append(c);
			}
		}
		return cleaned.toString().strip();
	}

	/** Like {@link #clean}, but empty text becomes {@code null}. */
	public static @Nullable String cleanOrNull(@Nullable String text) {
		String cleaned = clean(text);
		return (cleaned == null || cleaned.isEmpty()) ? null : cleaned;
	}

}
