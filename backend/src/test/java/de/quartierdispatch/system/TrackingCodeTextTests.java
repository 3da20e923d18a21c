package de.quartierdispatch.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tracking code is found as a person types it: in lower case, with O for 0 and I or L
 * for 1, with the digits of an Arabic or Persian keyboard, with any dash or none.
 */
class TrackingCodeTextTests {

	@Test
	void aCodeIsReadAsAPersonTypesIt() {
		assertThat(TrackingCodeText.normalize("ZS7M-42JH-03E0")).hasValue("ZS7M-42JH-03E0");
		assertThat(TrackingCodeText.normalize(" zs7m 42jh o3e0 ")).hasValue("ZS7M-42JH-03E0");
		assertThat(TrackingCodeText.normalize("ZS7M-٤٢JH-٠٣E0")).hasValue("ZS7M-42JH-03E0");
		assertThat(TrackingCodeText.normalize("ZS7M-۴۲JH-۰۳E0")).hasValue("ZS7M-42JH-03E0");
		assertThat(TrackingCodeText.normalize("ZS7M–42JH—03E0")).hasValue("ZS7M-42JH-03E0");
	}

	@Test
	void whatCannotBeACodeIsNone() {
		assertThat(TrackingCodeText.normalize("ZS7M-42JH-03E")).isEmpty();
		assertThat(TrackingCodeText.normalize("ZS7M-42JH-03E0-1")).isEmpty();
		assertThat(TrackingCodeText.normalize("ZS7M-42JH-03É0")).isEmpty();
		assertThat(TrackingCodeText.normalize("")).isEmpty();
	}

}
