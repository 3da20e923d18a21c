package de.quartierdispatch.intake;

import java.security.SecureRandom;

import de.quartierdispatch.system.TrackingCodeText;

/**
 * Tracking codes: twelve random symbols of Crockford's Base32 (60 bits), shown as
 * {@code K7QM-3XPA-9F2C}. Unguessable, short enough to read out over the phone, and
 * forgiving when typed ({@link TrackingCodeText}).
 */
final class TrackingCodes {

	private final SecureRandom random = new SecureRandom();

	String next() {
		StringBuilder code = new StringBuilder(TrackingCodeText.LENGTH + 2);
		for (int i = 0; i < TrackingCodeText.LENGTH; i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(TrackingCodeText.ALPHABET.charAt(this.random.nextInt(TrackingCodeText.ALPHABET.length())));
		}
		return code.toString();
	}

}
