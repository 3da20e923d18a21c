package de.quartierdispatch.photo;

import java.util.regex.Pattern;

import de.quartierdispatch.photo.PhotoProblems.NotAnImageException;
import de.quartierdispatch.photo.PhotoProblems.NotYourPhotoException;
import de.quartierdispatch.photo.PhotoProblems.PhotoNotFoundException;
import de.quartierdispatch.photo.PhotoProblems.PhotoTooLargeException;
import de.quartierdispatch.photo.PhotoProblems.UploadKeyInvalidException;
import de.quartierdispatch.security.StaffPrincipal;
import de.quartierdispatch.system.TrackingCodeText;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Adding photos: to a report, by the reporter with the tracking code right after
 * submitting (the report is stored first, so a refused photo never costs the report) and
 * by counter staff for a walk-in; to an incident, by the field team on it. The body is
 * the image itself; its type is read from its bytes.
 */
@RestController
class PhotoUploadController {

	private static final Pattern UPLOAD_KEY = Pattern.compile("[A-Za-z0-9-]{8,100}");

	private final Photos photos;

	private final ReporterPhotos reporterPhotos;

	private final PhotoProperties properties;

	PhotoUploadController(Photos photos, ReporterPhotos reporterPhotos, PhotoProperties properties) {
		this.photos = photos;
		this.reporterPhotos = reporterPhotos;
		this.properties = properties;
	}

	/**
	 * A reporter's photo. With an {@code Idempotency-Key} a photo sent again after its
	 * answer was lost is stored once (201 the first time, 200 after).
	 */
	@ResponseStatus(HttpStatus.CREATED)
	@PhotoBytes
	@PostMapping(path = "/api/reports/{code}/photos", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<PhotoReceipt>> addByReporter(@PathVariable String code,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			ServerHttpRequest request) {
		String trackingCode = TrackingCodeText.normalize(code).orElse(null);
		if (trackingCode == null) {
			return Mono.error(new PhotoNotFoundException());
		}
		if (key != null && !UPLOAD_KEY.matcher(key).matches()) {
			return Mono.error(UploadKeyInvalidException.ofAReport());
		}
		return body(request).flatMap((upload) -> this.reporterPhotos.byReporter(trackingCode, key, upload))
			.map(PhotoUploadController::answer);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PhotoBytes
	@PostMapping(path = "/api/counter/reports/{code}/photos", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<PhotoReceipt>> addAtCounter(@PathVariable String code,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key, ServerHttpRequest request,
			@AuthenticationPrincipal StaffPrincipal staff) {
		String trackingCode = TrackingCodeText.normalize(code).orElse(null);
		if (trackingCode == null) {
			return Mono.error(new PhotoNotFoundException());
		}
		if (key != null && !UPLOAD_KEY.matcher(key).matches()) {
			return Mono.error(UploadKeyInvalidException.ofAReport());
		}
		return body(request).flatMap((upload) -> this.reporterPhotos.atCounter(trackingCode, key, upload, staff))
			.map(PhotoUploadController::answer);
	}

	/**
	 * A field team's photo of one of its assignments. With an {@code Idempotency-Key} a
	 * photo queued offline and sent again is stored once (201 the first time, 200 after).
	 */
	@ResponseStatus(HttpStatus.CREATED)
	@PhotoBytes
	@PostMapping(path = "/api/field/assignments/{id}/photos", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<PhotoReceipt>> addInTheField(@PathVariable long id,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key, ServerHttpRequest request,
			@AuthenticationPrincipal StaffPrincipal member) {
		Long team = member.teamId();
		if (team == null) {
			return Mono.error(NotYourPhotoException.toAdd());
		}
		if (key != null && !UPLOAD_KEY.matcher(key).matches()) {
			return Mono.error(UploadKeyInvalidException.inTheField());
		}
		return body(request)
			.flatMap((upload) -> this.photos.storeForAssignment(id, team, key, upload, "staff:" + member.userId()))
			.map(PhotoUploadController::answer);
	}

	private Mono<byte[]> body(ServerHttpRequest request) {
		long max = this.properties.maxUploadBytes().toBytes();
		long declared = request.getHeaders().getContentLength();
		if (declared > max) {
			return Mono.error(new PhotoTooLargeException(this.properties.maxUploadBytes().toMegabytes()));
		}
		return DataBufferUtils.join(request.getBody(), (int) Math.min(max, Integer.MAX_VALUE))
			.map(PhotoUploadController::bytes)
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> new PhotoTooLargeException(this.properties.maxUploadBytes().toMegabytes()))
			.switchIfEmpty(Mono.error(NotAnImageException::new));
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	/** 201 for the arrival that stored it, 200 for one that found it stored. */
	private static ResponseEntity<PhotoReceipt> answer(Photos.StoredPhoto stored) {
		return ResponseEntity.status(stored.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(PhotoReceipt.of(stored.photo()));
	}

	/**
	 * What the uploader learns: that it was stored, and at which size.
	 *
	 * @param id the photo's id
	 * @param width the stored width
	 * @param height the stored height
	 */
	record PhotoReceipt(long id, int width, int height) {

		static PhotoReceipt of(PhotoView photo) {
			return new PhotoReceipt(photo.id(), photo.width(), photo.height());
		}

	}

}
