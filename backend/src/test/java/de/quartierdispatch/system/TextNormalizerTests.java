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
	void removesDirectionOverridesButKeepsTheMarksKeyboardsInsert() {
		assertThat(TextNormalizer.clean("\u202Eabc\u202D Hof \u2067x\u2069")).isEqualTo("abc Hof x");
		assertThat(TextNormalizer.clean("\u202B\u202C")).isEmpty();
		assertThat(TextNormalizer.clean("شارع \u200F12\u200E")).isEqualTo("شارع \u200F12\u200E");
	}

	@Test
	void keepsTheZeroWidthNonJoinerFarsiNeeds() {
		assertThat(TextNormalizer.clean("می\u200Cخواهم")).isEqualTo("می\u200Cخواهم");
	}

	@Test
	void aNameOnOneLineHasNoZeroWidthSpacesAndEveryKindOfSpaceFolded() {
		assertThat(TextNormalizer.oneLine("KOD\u200B Mitte\uFEFF")).isEqualTo("KOD Mitte");
		assertThat(TextNormalizer.oneLine(" Team\u2028Nord\u00A0\u3000Ost\n")).isEqualTo("Team Nord Ost");
		assertThat(TextNormalizer.oneLine("\u200B\u2060")).isEmpty();
		assertThat(TextNormalizer.oneLine("می\u200Cخواهم")).isEqualTo("می\u200Cخواهم");
		assertThat(TextNormalizer.oneLine(null)).isEmpty();
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
