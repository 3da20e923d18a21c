package de.quartierdispatch.board;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of board event has its words in the shift handover, in every staff language:
 * a kind added without them showed the lead its raw key.
 */
class EventTypeTextsTests {

	@ParameterizedTest
	@ValueSource(strings = { "de", "en" })
	void everyEventTypeIsNamedInTheHandover(String language) throws IOException {
		JsonNode dictionary = JsonMapper.builder()
			.build()
			.readTree(Files.readString(Path.of("../frontend/src/main/web/i18n/" + language + ".json")));
		for (BoardEventType type : BoardEventType.values()) {
			assertThat(dictionary.path("board.handover.change." + type.name()).asString("")).as(type.name())
				.isNotBlank();
		}
	}

}
