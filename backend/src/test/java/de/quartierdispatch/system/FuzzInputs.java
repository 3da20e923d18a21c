package de.quartierdispatch.system;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated malformed input for {@link FuzzIntegrationTests}: values of every kind the
 * issue lists (text PostgreSQL cannot store, lone surrogates, nulls inside lists, dates
 * out of range, huge and negative numbers, wrong types, broken JSON, broken CSV and
 * GeoJSON), built from the types the handlers declare, so that new endpoints and fields
 * are covered without a line here. A seeded {@link Random} picks among them.
 */
final class FuzzInputs {

	/** Query and path values, already percent-encoded for a raw URI. */
	static final List<String> PARAMETER_VALUES = List.of("%00", "a%00b", "%ED%A0%80", "%2B300000-01-01",
			"%2B300000-01-01T00:00:00Z", "1e308", "-1e308", "NaN", "Infinity", "-1", "0", "999999999999999999999", "",
			"%20", "abc", "true", "%5Bnull%5D", "..%2F..%2Fetc", "x".repeat(3000), "%C3%A4%C3%B6",
			"'%3B%20DROP%20TABLE%20x%3B--", "2026-02-30", "25:61");

	static final List<Object> STRINGS = List.of("a\u0000b", "\u0000", "\ud800", "x\udc00y", "", " ", "x".repeat(5000),
			"<script>alert(1)</script>", "'; DROP TABLE report; --", "\u202e\u0645", 12, true, List.of("x"),
			Map.of("a", 1));

	static final List<Object> NUMBERS = List.of(1e308, -1e308, -1, 0, 999999999999L, Long.MAX_VALUE, "1", "x", 1.5,
			List.of(1), true);

	static final List<Object> DATES = List.of("+300000-01-01", "+300000-01-01T00:00:00Z", "-999999-01-01", "2026-13-45",
			"2026-02-30T25:61:00Z", "", 0, "a\u0000b");

	static final List<String> BROKEN_BODIES = List.of("", "{", "[]", "null", "\"x\"", "{\"a\":", "{\"a\":1}}",
			"[".repeat(3000) + "]".repeat(3000), "{\"\u0000\":1}", "{\"k\":\"\\ud800\"}", "\u00ff\u00fe");

	/** Form bodies with text that cannot be stored, or that cannot be decoded at all. */
	static final List<String> FORM_BODIES = List.of("a=%00&b=%ED%A0%80", "a=%zz", "%", "a=%E");

	/** {@code Content-Type} headers that cannot be read as a media type. */
	static final List<String> CONTENT_TYPES = List.of("garbage", "application/json; charset=nonsense-xx",
			"multipart/form-data; boundary=", "application/x-www-form-urlencoded; charset=utf-99", "a/b; x=\"", "/");

	static final List<String> CSV_FILES = List.of(
			"STN;HNR;ADZ;PLZ;ONM;EAST;NORTH\n\"Hauptstr\"x;1;;46236;Bottrop;1;2\n",
			"STN;HNR;ADZ;PLZ;ONM;EAST;NORTH\n\"Hauptstr;1;;46236;Bottrop;1;2\n",
			"STN;HNR;ADZ;PLZ;ONM;EAST;NORTH\nA;1;;46236;Bottrop;360000;5710000\nA;1;;46236;Bottrop;360001;5710001\n",
			"STN;HNR;ADZ;PLZ;ONM;EAST;NORTH\nA\u0000;1;;46236;Bottrop;1;2\n",
			"STN;HNR;ADZ;PLZ;ONM;EAST;NORTH\n" + "S".repeat(60_000) + ";1;;46236;Bottrop;360000;5710000\n",
			"\"STN;HNR\n", "STN;STN\n");

	static final List<String> GEOJSON_FILES = List.of(
			"{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
					+ "\"properties\":{\"code\":\"Z\\u0000\",\"name\":\"n\"},\"geometry\":{\"type\":\"Polygon\","
					+ "\"coordinates\":[[[6.9,51.5,10],[6.91,51.5,10],[6.91,51.51,10],[6.9,51.5,10]]]}}]}",
			"{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"\":\"x\"},"
					+ "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[1e308,1e308],[0,0],[1,1],[1e308,1e308]]]}}]}",
			"{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"\\ud800\"},"
					+ "\"geometry\":{\"type\":\"Point\",\"coordinates\":[6.9]}}]}",
			"{\"type\":\"FeatureCollection\",\"features\":{}}", "{\"type\":\"Feature\"}");

	private final Random random;

	FuzzInputs(Random random) {
		this.random = random;
	}

	<T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/**
	 * A body of the given type with plausible values, one of them (chosen by the seed)
	 * replaced by a malformed one.
	 */
	Object body(Type type) {
		List<Object> mutations = new ArrayList<>();
		Object plausible = plausible(type, 0);
		collect(type, mutations, 0);
		if (mutations.isEmpty() || !(plausible instanceof Map)) {
			return malformed(type);
		}
		return mutate(type, plausible, 0);
	}

	private Object mutate(Type type, Object plausible, int depth) {
		Class<?> raw = raw(type);
		if (!raw.isRecord() || depth > 3) {
			return malformed(type);
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> object = new LinkedHashMap<>((Map<String, Object>) plausible);
		RecordComponent[] components = raw.getRecordComponents();
		RecordComponent chosen = components[this.random.nextInt(components.length)];
		Object inner = object.get(chosen.getName());
		boolean deeper = raw(chosen.getGenericType()).isRecord() && this.random.nextBoolean();
		object.put(chosen.getName(), deeper ? mutate(chosen.getGenericType(), inner, depth + 1)
				: (this.random.nextInt(4) == 0) ? null : malformed(chosen.getGenericType()));
		return object;
	}

	private void collect(Type type, List<Object> mutations, int depth) {
		if (raw(type).isRecord() && depth < 3) {
			for (RecordComponent component : raw(type).getRecordComponents()) {
				mutations.add(component.getName());
				collect(component.getGenericType(), mutations, depth + 1);
			}
		}
	}

	private Object malformed(Type type) {
		Class<?> raw = raw(type);
		if (raw == String.class || raw == char.class || raw == Character.class) {
			return pick(STRINGS);
		}
		if (Number.class.isAssignableFrom(raw) || raw.isPrimitive() && raw != boolean.class) {
			return pick(NUMBERS);
		}
		if (Temporal.class.isAssignableFrom(raw)) {
			return pick(DATES);
		}
		if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
			List<Object> list = new ArrayList<>();
			list.add(null);
			return switch (this.random.nextInt(4)) {
				case 0 -> list;
				case 1 -> List.of(pick(STRINGS));
				case 2 -> "x";
				default -> List.of(plausible(element(type), 1), Map.of());
			};
		}
		if (raw.isEnum()) {
			return pick(List.of("NO_SUCH_VALUE", "a\u0000b", 3, ""));
		}
		if (raw.isRecord()) {
			return pick(List.of("x", List.of(), 1));
		}
		return pick(STRINGS);
	}

	/** A value that passes as the type, to reach checks behind the malformed field. */
	Object plausible(Type type, int depth) {
		Class<?> raw = raw(type);
		if (raw == String.class) {
			return "Fuzz " + this.random.nextInt(1000);
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return false;
		}
		if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
			return 51.53;
		}
		if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
			return 999999;
		}
		if (raw.isEnum()) {
			return raw.getEnumConstants()[0].toString();
		}
		if (Temporal.class.isAssignableFrom(raw)) {
			return raw.getSimpleName().equals("LocalDate") ? "2026-01-01"
					: raw.getSimpleName().equals("LocalTime") ? "10:00" : "2026-01-01T10:00:00Z";
		}
		if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
			return (depth > 3) ? List.of() : List.of(plausible(element(type), depth + 1));
		}
		if (raw.isRecord() && depth <= 3) {
			Map<String, Object> object = new LinkedHashMap<>();
			for (RecordComponent component : raw.getRecordComponents()) {
				object.put(component.getName(), plausible(component.getGenericType(), depth + 1));
			}
			return object;
		}
		return Map.of();
	}

	private static Type element(Type type) {
		if (type instanceof ParameterizedType parameterized) {
			return parameterized.getActualTypeArguments()[0];
		}
		Class<?> raw = raw(type);
		return raw.isArray() ? raw.getComponentType() : String.class;
	}

	static Class<?> raw(Type type) {
		if (type instanceof Class<?> raw) {
			return raw;
		}
		if (type instanceof ParameterizedType parameterized) {
			return (Class<?>) parameterized.getRawType();
		}
		return Object.class;
	}

}
