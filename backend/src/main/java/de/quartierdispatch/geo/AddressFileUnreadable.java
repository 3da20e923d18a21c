package de.quartierdispatch.geo;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/**
 * Why an address file cannot be imported at all, as a reason ({@code address-file.REASON}
 * in the message bundles) with what it names (a line, a column): the administrator reads
 * it in their language, the log in English.
 */
final class AddressFileUnreadable extends IllegalArgumentException implements MessageSourceResolvable {

	private final String reason;

	private final Object[] arguments;

	AddressFileUnreadable(String reason, @Nullable Throwable cause, Object... arguments) {
		super("address file refused: " + reason + " " + Arrays.toString(arguments), cause);
		this.reason = reason;
		this.arguments = arguments.clone();
	}

	String reason() {
		return this.reason;
	}

	@Override
	public String[] getCodes() {
		return new String[] { "address-file." + this.reason };
	}

	@Override
	public Object[] getArguments() {
		return this.arguments.clone();
	}

}
