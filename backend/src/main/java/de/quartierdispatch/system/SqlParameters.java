package de.quartierdispatch.system;

import io.r2dbc.spi.Parameters;
import org.jspecify.annotations.Nullable;

/**
 * Binding values that may be absent: R2DBC needs the type of a {@code NULL}.
 */
public final class SqlParameters {

	private SqlParameters() {
	}

	/** The value itself, or a typed {@code NULL} to bind. */
	public static Object nullable(@Nullable Object value, Class<?> type) {
		return (value != null) ? value : Parameters.in(type);
	}

}
