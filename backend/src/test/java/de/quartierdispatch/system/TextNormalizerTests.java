package de.quartierdispatch.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTests {

	@Test
	void composesToNfc() {
		assertThat(TextNormalizer.clean("Mu\u0308ller")).isEqualTo("Müller");
	}

	@Test
	void removesControlCharactersButKeepsLineBreaks() {
		assertThat(TextNormalizer.clean("a\u0000b\u0007c\r\nd\re\tf\u007f")).isEqualTo("abc\nd\ne f");
	}

	@Test
	void removesUnpairedSurrogatesButKeepsEmoji() {
		assertThat(TextNormalizer.clean("x\uD800y\uDC00z 😀")).isEqualTo("xyz 😀");
	}

	@Test
	void keepsTheZeroWidthNonJoinerFarsiNeeds() {
		assertThat(TextNormalizer.clean("می\u200Cخواهم")).isEqualTo("می\u200Cخواهم");
	}

	@Test
	void keepsMarkupAndSqlVerbatim() {
		String text = "<script>alert(1)</script> '; DROP TABLE report; --";
		assertThat(TextNormalizer.clean(text)).isEqualTo(text);
	}

	@Test
	void blankBecomesNullWhenAsked() {
		assertThat(TextNormalizer.cleanOrNull(" \u0000 ")).isNull();
		assertThat(TextNormalizer.cleanOrNull(null)).isNull();
	}

}
