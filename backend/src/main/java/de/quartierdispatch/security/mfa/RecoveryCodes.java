package de.quartierdispatch.security.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One-time recovery codes: ten characters from an alphabet without look-alikes (50 bits
 * of chance each), shown as {@code abcde-fghij}. Being random and long, they are stored
 * as SHA-256 like session tokens; a slow password hash would add nothing.
 */
public final class RecoveryCodes {

	private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

	private static final int LENGTH = 10;

	private static final Pattern SHAPE = Pattern.compile("^[a-z0-9]{" + LENGTH + "}$");

	private static final SecureRandom RANDOM = new SecureRandom();

	private RecoveryCodes() {
	}

	public static List<String> generate(int count) {
		List<String> codes = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			StringBuilder code = new StringBuilder(LENGTH + 1);
			for (int j = 0; j < LENGTH; j++) {
				if (j == LENGTH / 2) {
					code.append('-');
				}
				code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
			}
			codes.add(code.toString());
		}
		return codes;
	}

	/**
	 * What was typed, without spaces, hyphens and case; empty when it cannot be a
	 * recovery code.
	 */
	public static String normalize(String typed) {
		String plain = typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
		return SHAPE.matcher(plain).matches() ? plain : "";
	}

	/** The stored form of a code (as typed or as generated). */
	public static byte[] hash(String code) {
		try {
			return MessageDigest.getInstance("SHA-256")
				.digest(code.replace("-", "").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
