package de.quartierdispatch.board;

import java.nio.charset.StandardCharsets;
import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;

/**
 * A board snapshot as PostgreSQL wrote its parts: the header object (sequence number,
 * teams, team types) and each open incident's summary. Written out as one JSON object,
 * {@code {"seq": …, "teams": […], "teamTypes": […], "incidents": […]}}, in pieces of
 * about 64 KB: never one text of the whole snapshot.
 *
 * @param header a JSON object, as text
 * @param incidents JSON objects, as text, in the order the board lists them
 */
record SnapshotJson(String header, List<String> incidents) {

	private static final int PIECE = 64 * 1024;

	Flux<DataBuffer> write(DataBufferFactory buffers) {
		return Flux.generate(() -> -1, (next, sink) -> {
			StringBuilder text = new StringBuilder(PIECE + 1024);
			int index = next;
			if (index < 0) {
				text.append(this.header, 0, this.header.lastIndexOf('}')).append(", \"incidents\" : [");
				index = 0;
			}
			while (index < this.incidents.size() && text.length() < PIECE) {
				if (index > 0) {
					text.append(',');
				}
				text.append(this.incidents.get(index++));
			}
			boolean last = index == this.incidents.size();
			if (last) {
				text.append("]}");
			}
			sink.next(buffers.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
			if (last) {
				sink.complete();
			}
			return index;
		});
	}

}
