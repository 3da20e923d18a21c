package de.quartierdispatch.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads the features of a GeoJSON FeatureCollection one at a time, so that a city-sized
 * file never has to fit in memory. Blocking: call it on a thread meant for I/O.
 */
final class GeoJsonFeatureReader implements AutoCloseable {

	private final JsonMapper json;

	private final JsonParser parser;

	/** Reads one element of the array at a time: what follows it is the next feature. */
	private final ObjectReader featureReader;

	private boolean inFeatures;

	private boolean finished;

	private int count;

	/**
	 * Reads the file as strict UTF-8: Jackson's own decoding takes overlong forms (C0 AF
	 * for "/"), which would reach quarter names and codes as if they had been written.
	 */
	GeoJsonFeatureReader(JsonMapper json, InputStream input) throws IOException {
		this.json = json;
		PushbackReader text = new PushbackReader(new InputStreamReader(input,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)),
				1);
		int first;
		try {
			first = text.read();
		}
		catch (CharacterCodingException ex) {
			throw new MalformedGeoJsonException("not UTF-8 text", ex);
		}
		if (first != -1 && first != '\uFEFF') {
			// A byte order mark is no part of the JSON.
			text.unread(first);
		}
		this.parser = json.createParser(text);
		this.featureReader = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	/** The next feature, or {@code null} after the last one. */
	@Nullable GeoJsonFeature next() {
		try {
			if (!this.inFeatures && !this.finished) {
				seekFeatures();
			}
			if (this.finished) {
				return null;
			}
			JsonToken token = this.parser.nextToken();
			if (token == JsonToken.END_ARRAY) {
				this.finished = true;
				return null;
			}
			this.count++;
			JsonNode feature = this.featureReader.readValue(this.parser);
			return toFeature(feature);
		}
		catch (JacksonException ex) {
			if (ex.getCause() instanceof CharacterCodingException) {
				// The decoder reads a buffer ahead of the parser: no position to name.
				throw new MalformedGeoJsonException("not UTF-8 text", ex);
			}
			throw new MalformedGeoJsonException("not valid JSON near byte " + bytesRead(), ex);
		}
	}

	/**
	 * Characters read so far, for a progress display: the bytes, where the file is ASCII
	 * as GeoJSON mostly is, and never more than them.
	 */
	long bytesRead() {
		return Math.max(0, this.parser.currentLocation().getCharOffset());
	}

	private void seekFeatures() {
		if (this.parser.nextToken() != JsonToken.START_OBJECT) {
			throw new MalformedGeoJsonException("expected a GeoJSON FeatureCollection object", null);
		}
		JsonToken token;
		while ((token = this.parser.nextToken()) == JsonToken.PROPERTY_NAME) {
			String name = this.parser.currentName();
			JsonToken value = this.parser.nextToken();
			if ("type".equals(name) && !"FeatureCollection".equals(this.parser.getValueAsString())) {
				throw new MalformedGeoJsonException("expected \"type\": \"FeatureCollection\"", null);
			}
			if ("features".equals(name)) {
				if (value != JsonToken.START_ARRAY) {
					throw new MalformedGeoJsonException("\"features\" is not an array", null);
				}
				this.inFeatures = true;
				return;
			}
			this.parser.skipChildren();
		}
		if (token != JsonToken.END_OBJECT) {
			throw new MalformedGeoJsonException("unexpected content in the FeatureCollection", null);
		}
		throw new MalformedGeoJsonException("the FeatureCollection has no \"features\" array", null);
	}

	private GeoJsonFeature toFeature(JsonNode feature) {
		JsonNode properties = feature.get("properties");
		if (properties == null || !properties.isObject()) {
			properties = JsonNodeFactory.instance.objectNode();
		}
		JsonNode geometry = feature.get("geometry");
		boolean numbers = true;
		if (geometry != null && geometry.isObject()) {
			numbers = flatNumericPositions(geometry.get("coordinates"));
		}
		String geometryText = (geometry == null || geometry.isNull()) ? null : this.json.writeValueAsString(geometry);
		return new GeoJsonFeature(this.count, properties, geometryText, numbers);
	}

	/**
	 * Boundaries are flat: a third (height) or further value of a position is dropped, as
	 * GeoJSON allows ("RFC 7946, 3.1.1"), so that 3-D files import like 2-D ones. Whether
	 * every position is (then) two numbers: PostGIS would read anything else as 0.
	 */
	private static boolean flatNumericPositions(@Nullable JsonNode coordinates) {
		if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
			// PostGIS says itself what is wrong with missing or empty coordinates.
			return true;
		}
		if (!coordinates.get(0).isArray()) {
			ArrayNode position = (ArrayNode) coordinates;
			while (position.size() > 2) {
				position.remove(position.size() - 1);
			}
			return position.size() == 2 && position.get(0).isNumber() && position.get(1).isNumber();
		}
		boolean numbers = true;
		for (JsonNode child : coordinates) {
			numbers &= child.isArray() && flatNumericPositions(child);
		}
		return numbers;
	}

	@Override
	public void close() {
		this.parser.close();
	}

	/**
	 * The file is not a GeoJSON FeatureCollection at all.
	 */
	static class MalformedGeoJsonException extends RuntimeException {

		MalformedGeoJsonException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
