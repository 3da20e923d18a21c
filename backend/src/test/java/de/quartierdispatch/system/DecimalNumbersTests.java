package de.quartierdispatch.system;

import org.junit.jupiter.api.Test;

import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.WebDataBinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DecimalNumbersTests {

	@Test
	void wholeNumbersAreReadInDecimalDigitsOnly() {
		WebDataBinder binder = new WebDataBinder(null);
		new DecimalNumbers().readDecimalOnly(binder);
		assertThat(binder.convertIfNecessary("100", int.class)).isEqualTo(100);
		assertThat(binder.convertIfNecessary("-7", Long.class)).isEqualTo(-7L);
		assertThat(binder.convertIfNecessary("", Long.class)).isNull();
		for (String spelling : new String[] { "+1", "0x10", "#10", " 1", "1.0", "1e3", "٣", "99999999999999999999" }) {
			assertThatExceptionOfType(TypeMismatchException.class).as(spelling)
				.isThrownBy(() -> binder.convertIfNecessary(spelling, long.class));
		}
	}

}
