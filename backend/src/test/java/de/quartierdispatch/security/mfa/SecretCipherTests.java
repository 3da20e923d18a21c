package de.quartierdispatch.security.mfa;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.web.context.reactive.GenericReactiveWebApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Secrets are sealed for one account: they decrypt for it, not for another, and not with
 * another key; a server refuses to start without a key.
 */
class SecretCipherTests {

	private static final String KEY = "ZGVtby1vbmx5LWtleS1mb3ItcXVhcnRpZXItZGlzcGE=";

	private static final String OTHER_KEY = "b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktMTI=";

	@Test
	void aSecretDecryptsOnlyForItsAccountAndKey() {
		byte[] secret = "12345678901234567890".getBytes();
		byte[] sealed = cipher(KEY).encrypt(42, secret);

		assertThat(cipher(KEY).decrypt(42, sealed)).isEqualTo(secret);
		assertThat(HexFormat.of().formatHex(sealed)).doesNotContain(HexFormat.of().formatHex(secret));
		assertThatIllegalStateException().isThrownBy(() -> cipher(KEY).decrypt(43, sealed));
		assertThatIllegalStateException().isThrownBy(() -> cipher(OTHER_KEY).decrypt(42, sealed));
	}

	@Test
	void aServerDoesNotStartWithoutAKeyButTheCommandLineToolsDo() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SecretCipher(properties(null), new GenericReactiveWebApplicationContext()))
			.withMessageContaining("MFA_SECRET_KEY");
		SecretCipher tool = new SecretCipher(properties(" "), new GenericApplicationContext());
		assertThatIllegalStateException().isThrownBy(() -> tool.encrypt(1, new byte[20]));
		assertThatIllegalStateException()
			.isThrownBy(() -> new SecretCipher(properties("dG9vLXNob3J0"), new GenericApplicationContext()))
			.withMessageContaining("32 bytes");
	}

	private static SecretCipher cipher(String key) {
		return new SecretCipher(properties(key), new GenericApplicationContext());
	}

	private static SecondFactorProperties properties(String key) {
		return new SecondFactorProperties(Set.of(), key, "Quartier Dispatch", 1, Duration.ofMinutes(10), 10);
	}

}
