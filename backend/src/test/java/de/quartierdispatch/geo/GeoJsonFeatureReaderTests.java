package de.quartierdispatch.geo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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

	private List<GeoJsonFeature> readAll(InputStream input) {
		List<GeoJsonFeature> features = new ArrayList<>();
		try (GeoJsonFeatureReader reader = new GeoJsonFeatureReader(this.json, input)) {
			for (GeoJsonFeature feature = reader.next(); feature != null; feature = reader.next()) {
				features.add(feature);
			}
		}
		return features;
	}

	private static InputStream input(String document) {
		return new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8));
	}

}
