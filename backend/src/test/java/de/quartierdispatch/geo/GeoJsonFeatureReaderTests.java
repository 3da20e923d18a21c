package de.quartierdispatch.geo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import de.quartierdispatch.geo.GeoJsonFeatureReader.MalformedGeoJsonException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GeoJsonFeatureReaderTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsEveryFeatureOfTheDemoCity() throws IOException {
		try (InputStream input = new ClassPathResource("demo/bottrop-wahlbezirke-2025.geojson").getInputStream()) {
			List<GeoJsonFeature> features = readAll(input);
			assertThat(features).hasSize(27);
			assertThat(features.get(0).text("wahlbezirk_nr")).isEqualTo("1");
			assertThat(features.get(0).text("wahlbezirk_name")).isEqualTo("Mitte");
			assertThat(features.get(26).number()).isEqualTo(27);
			assertThat(features).allSatisfy((feature) -> assertThat(feature.geometry()).startsWith("{\"type\""));
		}
	}

	@Test
	void findsFeaturesAfterOtherMembersAndWithoutProperties() {
		String document = """
				{"name": "x", "crs": {"type": "name"}, "type": "FeatureCollection",
				 "features": [{"type": "Feature", "geometry": null}]}
				""";
		List<GeoJsonFeature> features = readAll(input(document));
		assertThat(features).singleElement().satisfies((feature) -> {
			assertThat(feature.geometry()).isNull();
			assertThat(feature.text("code")).isNull();
		});
	}

	/** A code or name that shows nothing is none; control characters go. */
	@Test
	void codesAndNamesAreCleanedAsEveryName() {
		GeoJsonFeature feature = new GeoJsonFeature(1,
				this.json.readTree("{\"code\": \"\\u200b\", \"name\": \" Probe\\u0007\\u001b \", \"n\": 15}"), null,
				true);
		assertThat(feature.text("code")).isNull();
		assertThat(feature.text("name")).isEqualTo("Probe");
		assertThat(feature.text("n")).isEqualTo("15");
	}

	@Test
	void refusesWhatIsNotAFeatureCollection() {
		assertThatExceptionOfType(MalformedGeoJsonException.class)
			.isThrownBy(() -> readAll(input("{\"type\": \"Feature\"}")))
			.withMessageContaining("FeatureCollection");
		assertThatExceptionOfType(MalformedGeoJsonException.class).isThrownBy(() -> readAll(input("[1, 2]")));
		assertThatExceptionOfType(MalformedGeoJsonException.class)
			.isThrownBy(() -> readAll(input("{\"type\": \"FeatureCollection\", \"features\": [{\"type\": ")))
			.withMessageContaining("not valid JSON");
	}

	/**
	 * Bytes that are not UTF-8 as the standard has it (an overlong "/" in a name,
	 * Latin-1) refuse the file, wherever they are; a byte order mark is read over.
	 */
	@Test
	void refusesBytesThatAreNotUtf8AndReadsOverAByteOrderMark() {
		byte[] head = "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"name\": \"Mitte"
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = "\"}, \"geometry\": null}]}".getBytes(StandardCharsets.UTF_8);
		for (byte[] odd : List.of(new byte[] { (byte) 0xC0, (byte) 0xAF },
				new byte[] { (byte) 0xE0, (byte) 0x80, (byte) 0xAF }, new byte[] { (byte) 0xDF })) {
			byte[] document = new byte[head.length + odd.length + tail.length];
			System.arraycopy(head, 0, document, 0, head.length);
			System.arraycopy(odd, 0, document, head.length, odd.length);
			System.arraycopy(tail, 0, document, head.length + odd.length, tail.length);
			assertThatExceptionOfType(MalformedGeoJsonException.class)
				.isThrownBy(() -> readAll(new ByteArrayInputStream(document)))
				.withMessageContaining("not UTF-8");
		}
		assertThatExceptionOfType(MalformedGeoJsonException.class)
			.isThrownBy(() -> readAll(new ByteArrayInputStream(new byte[] { (byte) 0xFF, (byte) 0xFE, '{', 0 })))
			.withMessageContaining("not UTF-8");
		assertThat(readAll(input("\uFEFF{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\"}]}")))
			.hasSize(1);
	}

	private List<GeoJsonFeature> readAll(InputStream input) {
		List<GeoJsonFeature> features = new ArrayList<>();
		try (GeoJsonFeatureReader reader = new GeoJsonFeatureReader(this.json, input)) {
			for (GeoJsonFeature feature = reader.next(); feature != null; feature = reader.next()) {
				features.add(feature);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return features;
	}

	private static InputStream input(String document) {
		return new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8));
	}

}
