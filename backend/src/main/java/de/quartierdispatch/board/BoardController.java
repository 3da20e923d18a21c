package de.quartierdispatch.board;

import de.quartierdispatch.security.StaffPrincipal;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The board's snapshot: where a board starts, and where it starts again when it was too
 * far behind to catch up from the event stream.
 */
@RestController
class BoardController {

	private final BoardSnapshots snapshots;

	BoardController(BoardSnapshots snapshots) {
		this.snapshots = snapshots;
	}

	@GetMapping(path = "/api/board/snapshot", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Flux<DataBuffer>>> snapshot(@AuthenticationPrincipal StaffPrincipal lead) {
		return this.snapshots.snapshot(lead.quarterScope())
			.map((snapshot) -> ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.contentType(MediaType.APPLICATION_JSON)
				.body(snapshot.write(DefaultDataBufferFactory.sharedInstance)));
	}

}
