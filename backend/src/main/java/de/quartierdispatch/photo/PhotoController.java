package de.quartierdispatch.photo;

import java.util.List;

import de.quartierdispatch.security.StaffPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's view of photos: the list of an incident's photos, each image and thumbnail
 * (audited), and a team lead hiding one.
 */
@RestController
class PhotoController {

	private final PhotoAccess access;

	PhotoController(PhotoAccess access) {
		this.access = access;
	}

	@GetMapping(path = "/api/photos", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<List<PhotoView>> list(@RequestParam long incident, @AuthenticationPrincipal StaffPrincipal staff) {
		return this.access.list(incident, staff).collectList();
	}

	@GetMapping(path = "/api/photos/{id}", produces = MediaType.IMAGE_JPEG_VALUE)
	Mono<ResponseEntity<byte[]>> image(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal staff) {
		return this.access.image(id, false, staff).map(PhotoController::jpeg);
	}

	@GetMapping(path = "/api/photos/{id}/thumbnail", produces = MediaType.IMAGE_JPEG_VALUE)
	Mono<ResponseEntity<byte[]>> thumbnail(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal staff) {
		return this.access.image(id, true, staff).map(PhotoController::jpeg);
	}

	@PostMapping(path = "/api/photos/{id}/hidden", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Void>> hide(@PathVariable long id, @Valid @RequestBody Hidden request,
			@AuthenticationPrincipal StaffPrincipal lead) {
		return this.access.hide(id, Boolean.TRUE.equals(request.hidden()), lead)
			.thenReturn(ResponseEntity.noContent().build());
	}

	private static ResponseEntity<byte[]> jpeg(byte[] bytes) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.noStore().cachePrivate())
			.header("Content-Disposition", "inline")
			.body(bytes);
	}

	record Hidden(@NotNull Boolean hidden) {
	}

}
