package de.quartierdispatch.board;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot written in pieces is one JSON object, whether it has no incident, one, or
 * so many that they take several pieces.
 */
class SnapshotJsonTests {

	private static final String HEADER = "{\"seq\" : 42, \"teams\" : [{\"id\" : 1}], \"teamTypes\" : []}";

	@Test
	void noIncidents() {
		JsonNode snapshot = written(List.of());
		assertThat(snapshot.path("seq").asLong()).isEqualTo(42);
		assertThat(snapshot.path("teams")).hasSize(1);
		assertThat(snapshot.path("incidents").isArray()).isTrue();
		assertThat(snapshot.path("incidents")).isEmpty();
	}

	@Test
	void incidentsOverSeveralPiecesKeepTheirOrderAndTheirText() {
		String text = "Ruhestörung – ضوضاء".repeat(20);
		List<String> incidents = IntStream.range(0, 2_000)
			.mapToObj((id) -> "{\"id\" : " + id + ", \"text\" : \"" + text + "\"}")
			.toList();
		List<DataBuffer> pieces = new SnapshotJson(HEADER, incidents).write(DefaultDataBufferFactory.sharedInstance)
			.collectList()
			.block();
		assertThat(pieces).hasSizeGreaterThan(5);
		JsonNode snapshot = parse(pieces);
		assertThat(snapshot.path("incidents")).hasSize(2_000);
		for (int id = 0; id < 2_000; id++) {
			assertThat(snapshot.path("incidents").get(id).path("id").asInt()).isEqualTo(id);
		}
		assertThat(snapshot.path("incidents").get(1_999).path("text").asString()).isEqualTo(text);
	}

	private static JsonNode written(List<String> incidents) {
		return parse(new SnapshotJson(HEADER, incidents).write(DefaultDataBufferFactory.sharedInstance)
			.collectList()
			.block());
	}

	private static JsonNode parse(List<DataBuffer> pieces) {
		StringBuilder text = new StringBuilder();
		for (DataBuffer piece : (pieces != null) ? pieces : Collections.<DataBuffer>emptyList()) {
			text.append(piece.toString(StandardCharsets.UTF_8));
		}
		return JsonMapper.builder().build().readTree(text.toString());
	}

}
