package de.quartierdispatch.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A staff member's authenticator app, as the tests hold it: set up from the secret the
 * page shows (Base32, as typed into an app), it computes RFC 6238 codes on its own, apart
 * from the application's code. It remembers which time steps it has used, because the
 * application accepts each code once.
 */
public final class AuthenticatorApp {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	/**
	 * Steps either side of a used one that can share an application's window with it, at
	 * the widest tolerance the tests set ({@link StaffLogin#TIME_STEP_TOLERANCE}).
	 */
	private static final int SAME_CODE_SPAN = 2 * StaffLogin.TIME_STEP_TOLERANCE + 2;

	private final byte[] secret;

	private final Set<Long> usedSteps = new HashSet<>();

	public AuthenticatorApp(String base32Secret) {
		this.secret = decode(base32Secret);
	}

	/** The code the app shows at an instant. */
	public String codeAt(Instant instant) {
		return code(Math.floorDiv(instant.getEpochSecond(), 30));
	}

	/**
	 * The code of the earliest time step not used yet that the application still accepts
	 * ({@code tolerance} steps around the clock's time, less one as a margin), and marks
	 * it used.
	 */
	public synchronized String nextCode(Clock clock, int tolerance) {
		long now = Math.floorDiv(clock.instant().getEpochSecond(), 30);
		long step = now - Math.max(0, tolerance - 1);
		while (this.usedSteps.contains(step)) {
			step++;
		}
		if (step > now + tolerance - 1 && tolerance > 0) {
			throw new IllegalStateException("Every time step the application accepts now has been used");
		}
		return use(step);
	}

	/**
	 * Notes that the code of an instant's time step was used (e.g. to confirm the app).
	 */
	public synchronized void used(Instant instant) {
		use(Math.floorDiv(instant.getEpochSecond(), 30));
	}

	/**
	 * Marks a step used, and with it every step near it that has the same code: the
	 * application takes a code as used for every step of its window the code stands for.
	 */
	private String use(long step) {
		String code = code(step);
		for (long other = step - SAME_CODE_SPAN; other <= step + SAME_CODE_SPAN; other++) {
			if (other == step || code(other).equals(code)) {
				this.usedSteps.add(other);
			}
		}
		return code;
	}

	/**
	 * A six-digit code that is none of the codes the application accepts around an
	 * instant: surely wrong.
	 */
	public String wrongCodeAt(Instant instant, int tolerance) {
		long now = Math.floorDiv(instant.getEpochSecond(), 30);
		Set<String> valid = new HashSet<>();
		for (long step = now - tolerance - 1; step <= now + tolerance + 1; step++) {
			valid.add(code(step));
		}
		for (int candidate = 0;; candidate++) {
			String code = String.format(Locale.ROOT, "%06d", candidate);
			if (!valid.contains(code)) {
				return code;
			}
		}
	}

	private String code(long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[19] & 0xf;
			int value = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
			return String.format(Locale.ROOT, "%06d", value % 1_000_000);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] decode(String base32) {
		String text = base32.replaceAll("[\\s=]", "").toUpperCase(Locale.ROOT);
		ByteBuffer bytes = ByteBuffer.allocate(text.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char character : text.toCharArray()) {
			int value = ALPHABET.indexOf(character);
			if (value < 0) {
				throw new IllegalArgumentException("Not Base32: " + base32);
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				bytes.put((byte) (buffer >>> (bits - 8)));
				bits -= 8;
			}
		}
		return bytes.array();
	}

}
