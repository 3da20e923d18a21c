package de.quartierdispatch.security.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Encrypts authenticator secrets for the database with AES-256-GCM and the key from
 * {@code MFA_SECRET_KEY}. The account id is authenticated with the ciphertext, so a
 * secret copied to another account's row does not decrypt. Stored form: version byte,
 * 12-byte nonce, ciphertext with tag.
 */
@Component
public class SecretCipher {

	private static final byte VERSION = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final String MISSING = "Set MFA_SECRET_KEY (32 random bytes, Base64, e.g. from "
			+ "`openssl rand -base64 32`): it encrypts the staff's authenticator secrets.";

	private final @Nullable SecretKey key;

	private final SecureRandom random = new SecureRandom();

	/**
	 * A server does not start without a usable key; the command-line tools, which never
	 * touch secrets, do.
	 */
	SecretCipher(SecondFactorProperties properties, ApplicationContext context) {
		String configured = properties.secretKey();
		boolean missing = configured == null || configured.isBlank();
		if (missing && context instanceof ReactiveWebApplicationContext) {
			throw new IllegalStateException(MISSING);
		}
		this.key = missing ? null : key(configured);
	}

	private static SecretKey key(String configured) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(configured.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("MFA_SECRET_KEY is not Base64", ex);
		}
		if (bytes.length != 32) {
			throw new IllegalStateException("MFA_SECRET_KEY must be 32 bytes (Base64 of 32 random bytes)");
		}
		return new SecretKeySpec(bytes, "AES");
	}

	public byte[] encrypt(long userId, byte[] secret) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		byte[] sealed = run(Cipher.ENCRYPT_MODE, userId, nonce, secret);
		return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
	}

	public byte[] decrypt(long userId, byte[] stored) {
		if (stored.length <= 1 + NONCE_BYTES || stored[0] != VERSION) {
			throw new IllegalStateException("Unknown format of a stored authenticator secret");
		}
		ByteBuffer buffer = ByteBuffer.wrap(stored, 1, stored.length - 1);
		byte[] nonce = new byte[NONCE_BYTES];
		buffer.get(nonce);
		byte[] sealed = new byte[buffer.remaining()];
		buffer.get(sealed);
		return run(Cipher.DECRYPT_MODE, userId, nonce, sealed);
	}

	private byte[] run(int mode, long userId, byte[] nonce, byte[] input) {
		if (this.key == null) {
			throw new IllegalStateException(MISSING);
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(ByteBuffer.allocate(Long.BYTES).putLong(userId).array());
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"An authenticator secret could not be "
							+ ((mode == Cipher.ENCRYPT_MODE) ? "encrypted" : "decrypted (was MFA_SECRET_KEY changed?)"),
					ex);
		}
	}

}
