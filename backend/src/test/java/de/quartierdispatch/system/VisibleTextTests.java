package de.quartierdispatch.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VisibleTextTests {

	@Test
	void textOfInvisibleCharactersAloneShowsNothing() {
		for (String nothing : new String[] { "", " \n\t", "\u200b\u200c\u200d", "\u202e\u2066\u2069", "\ufeff\u2060",
				"\u3164\u115f\u2800", "\ufe0f\u034f", "\u00a0\u2007\u3000", "\udb40\udd00",
				// Accents and vowel signs with nothing to sit on: a dotted circle at
				// best.
				"\u0301\u0308", " \u064e\u0651 ", "\u20dd" }) {
			assertThat(VisibleText.isVisible(nothing))
				.as("%s", nothing.codePoints().mapToObj(Integer::toHexString).toList())
				.isFalse();
		}
	}

	@Test
	void anyLetterSignOrEmojiShows() {
		for (String something : new String[] { "a", "\u200b.", "ع", "\ud83d\udc69\u200d\ud83d\udc67", "e\u0301",
				"-" }) {
			assertThat(VisibleText.isVisible(something)).as(something).isTrue();
		}
	}

	@Test
	void theLengthCountsSpacesButNotInvisibleCharacters() {
		assertThat(VisibleText.length("Müll am Eck")).isEqualTo(11);
		assertThat(VisibleText.length("Müll\u200b\u2060\ufeff")).isEqualTo(4);
		assertThat(VisibleText.length("\ud83d\udc69")).isEqualTo(1);
	}

}
