package de.quartierdispatch.system;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * Fields of a request that are well formed but not acceptable (an unknown category, a
 * point outside every quarter): 422 with one message per field.
 */
public class InvalidFieldsException extends ProblemException {

	private final List<InvalidField> fields;

	public InvalidFieldsException(List<InvalidField> fields) {
		this(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-fields", fields);
	}

	protected InvalidFieldsException(HttpStatus status, String code, List<InvalidField> fields) {
		super(status, code);
		this.fields = List.copyOf(fields);
	}

	public InvalidFieldsException(String field, String code, Object... arguments) {
		this(List.of(new InvalidField(field, code, arguments)));
	}

	public List<InvalidField> fields() {
		return this.fields;
	}

	/**
	 * A field and the message code explaining what is wrong with it.
	 */
	public record InvalidField(String field, String code, Object... arguments) implements MessageSourceResolvable {

		/**
		 * The application's own text ({@code field.} and the code) first, else Bean
		 * Validation's ({@code Size}, {@code OutOfRange}), which a check in code may name
		 * as well.
		 */
		@Override
		public String[] getCodes() {
			return new String[] { "field." + this.code, this.code };
		}

		@Override
		public Object[] getArguments() {
			return this.arguments;
		}

		@Override
		public String getDefaultMessage() {
			return this.code;
		}

	}

}
