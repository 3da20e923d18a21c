package de.quartierdispatch.security.mfa;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-time passwords against RFC 6238's test vectors (Appendix B, SHA-1; the last six
 * of its eight digits), the window of accepted steps, and Base32 against RFC 4648.
 */
class TotpTests {

	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924", "2000000000, 279037",
			"20000000000, 353130" })
	void codesAreThoseOfTheRfc(long seconds, String code) {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(seconds)))).isEqualTo(code);
	}

	@Test
	void onlyCodesWithinTheToleranceAroundTheCurrentStepMatch() {
		long now = Totp.step(Instant.ofEpochSecond(1_234_567_890));

		assertThat(Totp.matchingSteps(RFC_SECRET, Totp.code(RFC_SECRET, now - 1), now, 1)).containsExactly(now - 1);
		assertThat(Totp.matchingSteps(RFC_SECRET, Totp.code(RFC_SECRET, now + 1), now, 1)).containsExactly(now + 1);
		assertThat(Totp.matchingSteps(RFC_SECRET, Totp.code(RFC_SECRET, now + 2), now, 1)).isEmpty();
		assertThat(Totp.matchingSteps(RFC_SECRET, Totp.code(RFC_SECRET, now - 2), now, 1)).isEmpty();
		assertThat(Totp.matchingSteps(RFC_SECRET, "12345", now, 1)).isEmpty();
	}

	/**
	 * Six digits repeat: with the RFC's secret, steps 59493017 and 59493020 share a code.
	 * A code names every step of the window it stands for, so that the sign-in can take
	 * them all as used (a server that took only the earliest refused the app's current
	 * code whenever the earlier step had been used already).
	 */
	@Test
	void aCodeThatTwoStepsOfTheWindowShareMatchesBoth() {
		String shared = Totp.code(RFC_SECRET, 59_493_017);
		assertThat(Totp.code(RFC_SECRET, 59_493_020)).isEqualTo(shared);

		assertThat(Totp.matchingSteps(RFC_SECRET, shared, 59_493_019, 2)).containsExactly(59_493_017, 59_493_020);
		assertThat(Totp.matchingSteps(RFC_SECRET, shared, 59_493_020, 1)).containsExactly(59_493_020);
	}

	@Test
	void base32IsThatOfTheRfc() {
		assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
		assertThat(Base32.encode(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	}

}
