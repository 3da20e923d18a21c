package de.quartierdispatch.security.mfa;

/**
 * Base32 without padding (RFC 4648), the alphabet authenticator apps expect secrets in.
 */
public final class Base32 {

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	private Base32() {
	}

	public static String encode(byte[] bytes) {
		StringBuilder text = new StringBuilder((bytes.length * 8 + 4) / 5);
		int buffer = 0;
		int bits = 0;
		for (byte value : bytes) {
			buffer = (buffer << 8) | (value & 0xff);
			bits += 8;
			while (bits >= 5) {
				text.append(ALPHABET[(buffer >>> (bits - 5)) & 0x1f]);
				bits -= 5;
			}
		}
		if (bits > 0) {
			text.append(ALPHABET[(buffer << (5 - bits)) & 0x1f]);
		}
		return text.toString();
	}

}
