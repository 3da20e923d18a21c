package de.quartierdispatch.system;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's JSON rules on values no client means: a date or time given as a
 * number (or digits) instead of ISO-8601 text, and a property name that cannot be stored,
 * also where no request type has that property.
 */
class StrictJsonTests {

	private static final JsonMapper MAPPER = mapper();

	@ParameterizedTest
	@ValueSource(strings = { "1e308", "0", "-1", "2147483648", "\"0\"", "\"-0\"", "\"4102444800\"", "\"1.5\"", "[]",
			"true" })
	void aDateOrTimeIsIsoText(String value) {
		assertThatThrownBy(() -> MAPPER.readValue("{\"at\": " + value + "}", When.class))
			.isInstanceOf(JacksonException.class);
		assertThatThrownBy(() -> MAPPER.readValue("{\"day\": " + value + "}", When.class))
			.isInstanceOf(JacksonException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"at\": \"2026-12-05T14:30:00+01:00\"}", "{\"day\": \"2026-12-05\"}", "{\"at\": null}",
			"{}" })
	void isoTextAndNothingAreRead(String json) {
		When when = MAPPER.readValue(json, When.class);
		assertThat(when).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"at\": null, \"\\u0000\": 1}", "{\"\\ud800x\": \"a\"}" })
	void anUnknownPropertyNameMustBeStorableToo(String json) {
		assertThatThrownBy(() -> MAPPER.readValue(json, When.class)).isInstanceOf(JacksonException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"elsewhere\": 1}", "{\"day\": \"2026-01-01\", \"note\": {\"a\": [1]}}" })
	void anUnknownPropertyIsStillSkipped(String json) {
		assertThat(MAPPER.readValue(json, When.class)).isNotNull();
	}

	/**
	 * Text where a number, yes/no or a named value goes, empty or blank too, is refused.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "\"\"", "\"   \"", "\"\\u0000\"", "\"1\"" })
	void emptyTextIsNoNumberAndNoAnswer(String value) {
		for (String field : new String[] { "count", "share", "yes", "kind" }) {
			assertThatThrownBy(() -> MAPPER.readValue("{\"" + field + "\": " + value + "}", Scalars.class)).as(field)
				.isInstanceOf(JacksonException.class);
		}
		assertThat(MAPPER.readValue("{\"count\": null, \"yes\": null}", Scalars.class).count()).isNull();
	}

	private static JsonMapper mapper() {
		JsonMapper.Builder builder = JsonMapper.builder()
			.disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		new JsonConfiguration().strictScalarTypes().customize(builder);
		return builder.build();
	}

	record When(@Nullable OffsetDateTime at, @Nullable LocalDate day) {
	}

	record Scalars(@Nullable Long count, @Nullable Double share, @Nullable Boolean yes, @Nullable DayOfWeek kind) {
	}

}
