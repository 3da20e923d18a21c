package de.quartierdispatch.system;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Reads whole-number parameters (path, query, form) in one spelling only
 * ({@link WholeNumbers}). Spring's default reads {@code 0x10} and {@code #10} as 16, and
 * {@code +1} and {@code " 1"} as 1, so one incident would have many addresses, in logs,
 * caches and audit trails alike; anything else is now a 400 naming the parameter. An
 * editor, not a converter: a converter's refusal falls back to the default editor, which
 * would read them all again.
 */
@ControllerAdvice
class DecimalNumbers {

	@InitBinder
	void readDecimalOnly(WebDataBinder binder) {
		binder.registerCustomEditor(long.class, new DecimalEditor(Long::valueOf, false));
		binder.registerCustomEditor(Long.class, new DecimalEditor(Long::valueOf, true));
		binder.registerCustomEditor(int.class, new DecimalEditor(Integer::valueOf, false));
		binder.registerCustomEditor(Integer.class, new DecimalEditor(Integer::valueOf, true));
	}

	/** One parameter's number; an empty text is no value where the type allows none. */
	static final class DecimalEditor extends PropertyEditorSupport {

		private final Function<String, Number> parse;

		private final boolean emptyIsNull;

		DecimalEditor(Function<String, Number> parse, boolean emptyIsNull) {
			this.parse = parse;
			this.emptyIsNull = emptyIsNull;
		}

		@Override
		public void setAsText(String text) {
			if (this.emptyIsNull && text.isEmpty()) {
				setValue(null);
				return;
			}
			if (!WholeNumbers.isDecimal(text)) {
				throw new IllegalArgumentException("not a decimal whole number");
			}
			setValue(this.parse.apply(text));
		}

	}

}
