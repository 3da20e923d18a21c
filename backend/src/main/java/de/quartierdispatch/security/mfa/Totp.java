package de.quartierdispatch.security.mfa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.stream.LongStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as authenticator apps compute them (RFC 6238 over RFC
 * 4226): HMAC-SHA1 of the number of 30-second steps since the epoch, truncated to six
 * digits. Written with the JDK's HMAC: the algorithm is these few lines, and what matters
 * around it (tolerance, replay, secret storage) is ours either way.
 */
public final class Totp {

	/** Seconds per time step, as every authenticator app assumes. */
	public static final long STEP_SECONDS = 30;

	/** Digits per code. */
	public static final int DIGITS = 6;

	/** Bytes of a new secret (160 bits, as RFC 4226 recommends). */
	public static final int SECRET_BYTES = 20;

	private Totp() {
	}

	/** The time step an instant falls in. */
	public static long step(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
	}

	/** The code of one time step, with leading zeros. */
	public static String code(byte[] secret, long step) {
		byte[] hash = hmacSha1(secret, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		return String.format("%06d", binary % 1_000_000);
	}

	/**
	 * The steps within {@code tolerance} steps of {@code current} whose code is the given
	 * one, earliest first; usually none or one, but six digits repeat: two steps of a
	 * wide window can share a code. Every candidate is computed and compared in constant
	 * time.
	 */
	public static long[] matchingSteps(byte[] secret, String code, long current, int tolerance) {
		byte[] given = code.getBytes(StandardCharsets.US_ASCII);
		LongStream.Builder found = LongStream.builder();
		for (long step = current - tolerance; step <= current + tolerance; step++) {
			if (MessageDigest.isEqual(given, code(secret, step).getBytes(StandardCharsets.US_ASCII))) {
				found.add(step);
			}
		}
		return found.build().toArray();
	}

	private static byte[] hmacSha1(byte[] key, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is part of every Java runtime", ex);
		}
	}

}
