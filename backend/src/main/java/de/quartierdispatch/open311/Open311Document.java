package de.quartierdispatch.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An answer in GeoReport v2's shape, written as JSON or XML by {@link Open311Writer}. The
 * body is a map (an object, e.g. a service definition) or a {@link Repeated} list (e.g.
 * the services); values are text, numbers, booleans, times, nested maps and lists, or
 * null.
 *
 * @param root the XML root element, e.g. {@code services}
 * @param body the content
 */
record Open311Document(String root, Object body) {

	static Open311Document list(String root, String item, List<?> items) {
		return new Open311Document(root, new Repeated(item, items));
	}

	static Open311Document object(String root, Map<String, ?> fields) {
		return new Open311Document(root, fields);
	}

	/**
	 * The fields of an object in the order given (the specification's order), values may
	 * be null.
	 */
	static Map<String, @Nullable Object> fields(@Nullable Object... namesAndValues) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
		}
		return fields;
	}

	/**
	 * A list: a JSON array, in XML one {@code item} element per entry.
	 *
	 * @param item the XML element of each entry, e.g. {@code service}
	 * @param items the entries
	 */
	record Repeated(String item, List<?> items) {
	}

}
