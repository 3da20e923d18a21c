package de.quartierdispatch.system;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 fingerprints: of API keys (stored instead of the key), and of requests sent
 * under an idempotency key (a retry has the same fingerprint, another request under a
 * reused key does not).
 */
public final class Sha256 {

	private Sha256() {
	}

	/** The digest of the parts, one after the other. */
	public static byte[] of(byte[]... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				digest.update(part);
			}
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
