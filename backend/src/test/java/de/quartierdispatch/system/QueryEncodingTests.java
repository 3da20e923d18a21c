package de.quartierdispatch.system;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query's percent-encoded bytes must be UTF-8: overlong forms, encoded surrogates and
 * stray continuation bytes are refused, whatever Spring would make of them.
 */
class QueryEncodingTests {

	@ParameterizedTest
	@ValueSource(strings = { "q=L%C3%A4rm", "q=%F0%9F%98%80", "q=a+b&x=1", "q=50%", "q=%zz", "q=%E2%80%8B",
			"username=m%C3%BCller&limit=10", "q=Lärm" })
	void utf8AndTextWithoutEscapesPass(String query) {
		assertThat(StrictUtf8.percentDecodes(query)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "username=%C0%AFx", "q=%ED%A0%80", "q=%E0%80%AF", "q=%FF", "q=%80", "q=%C3",
			"q=%F8%88%80%80%80" })
	void bytesThatAreNotUtf8AreRefused(String query) {
		assertThat(StrictUtf8.percentDecodes(query)).isFalse();
	}

}
