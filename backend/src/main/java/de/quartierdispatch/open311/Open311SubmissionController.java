package de.quartierdispatch.open311;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import de.quartierdispatch.intake.PartnerReceipt;
import de.quartierdispatch.intake.PartnerReportRequest;
import de.quartierdispatch.intake.PartnerSubmissions;
import de.quartierdispatch.open311.MediaStore.CheckedImage;
import de.quartierdispatch.open311.PartnerKeys.PartnerKey;
import de.quartierdispatch.privacy.AuditLog;
import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.Language;
import de.quartierdispatch.system.TextNormalizer;
import de.quartierdispatch.system.UnreadableBodies;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code POST requests}: a partner app's report, form-encoded or multipart (with a photo
 * as {@code media}). Parameters may also come in the query string. It runs the public
 * form's intake (checks, geotagging, routing, idempotency) on the channel {@code OPEN311}
 * under the app's name, and is audited per key.
 */
@RestController
class Open311SubmissionController {

	/**
	 * An app's own key, as apps make them (UUIDs, hashes, their own ids); longer ones
	 * would not fit the key's index.
	 */
	private static final Pattern APP_KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");

	/** Room for a submission's text fields and the multipart framing beside its photo. */
	private static final long FIELDS_ALLOWANCE = 1024 * 1024;

	private final PartnerSubmissions intake;

	private final PartnerAccess access;

	private final MediaStore media;

	private final AuditLog audit;

	private final Open311Responses responses;

	private final Open311Writer writer;

	private final Open311Properties properties;

	private final Clock clock;

	Open311SubmissionController(PartnerSubmissions intake, PartnerAccess access, MediaStore media, AuditLog audit,
			Open311Responses responses, Open311Writer writer, Open311Properties properties, Clock clock) {
		this.intake = intake;
		this.access = access;
		this.media = media;
		this.audit = audit;
		this.responses = responses;
		this.writer = writer;
		this.properties = properties;
		this.clock = clock;
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping({ "/open311/v2/requests", "/open311/v2/requests.{format}" })
	Mono<ResponseEntity<String>> submit(ServerWebExchange exchange) {
		// A suffix other than .json or .xml is refused, as on every other resource,
		// before
		// anything is stored.
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		Open311Format.stripSuffix(path.substring(path.lastIndexOf('/') + 1));
		Open311Format format = Open311Format.of(exchange.getRequest());
		// The key is checked after the body is read (it may be one of its fields): a body
		// declared larger than a submission can be is refused before anything is read.
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > this.properties.maxMediaSize().toBytes() + FIELDS_ALLOWANCE) {
			return Mono.error(new ContentTooLargeException(null));
		}
		// GeoReport v2 posts form fields; a JSON body read as a form would be "no
		// api_key".
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		if (type != null && !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)
				&& !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
			return Mono.error(new Open311Exception(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Send the fields as application/x-www-form-urlencoded or multipart/form-data"));
		}
		return Mono
			.zip(parameters(exchange).doOnNext((read) -> Open311ErrorHandler.answerIn(exchange, read)), photo(exchange))
			.onErrorMap(UnreadableBodies::asClientError)
			.flatMap((read) -> {
				Open311Parameters parameters = read.getT1();
				Jurisdiction.check(parameters.first("jurisdiction_id"), this.properties);
				return this.access.admit(parameters.first("api_key"))
					.flatMap((partner) -> submit(partner, parameters, read.getT2(), exchange));
			})
			.map((body) -> ResponseEntity.status(HttpStatus.CREATED)
				.contentType(format.mediaType())
				.cacheControl(CacheControl.noStore())
				.body(this.writer.write(body, format)));
	}

	private Mono<Open311Document> submit(PartnerKey partner, Open311Parameters parameters, Optional<byte[]> photo,
			ServerWebExchange exchange) {
		Language language = Open311Languages.of(parameters.first("locale"),
				Language.fromCode(this.properties.language()).orElse(Language.DEFAULT));
		PartnerReportRequest report = parameters.toReport(language);
		Mono<Optional<CheckedImage>> checked = photo.map(ImageCheck::check)
			.map((image) -> image.map(Optional::of))
			.orElse(Mono.just(Optional.empty()));
		String given = exchange.getRequest().getHeaders().getFirst("Idempotency-Key");
		if (given != null && !given.isBlank() && !APP_KEY.matcher(given.strip()).matches()) {
			return Mono.error(Open311Exception.badRequest("Idempotency-Key must be 1 to 128 visible ASCII characters"));
		}
		return checked.flatMap((image) -> {
			SubmissionKeys keys = SubmissionKeys.of(partner, parameters, photo, given, this.clock.instant());
			return this.intake.submit(report, partner.name(), keys.key(), keys.earlier())
				// A code the service list does not offer is not found, as by path (not a
				// field to correct): the app should fetch the list again. Asked after the
				// intake, which answers a request it stored before from its key first.
				.onErrorMap(Open311SubmissionController::unknownCategory,
						(unknown) -> Open311Exception.notFound("service_code " + report.category() + " not found"))
				.flatMap((receipt) -> audited(partner, receipt).then(keep(receipt, image)))
				.flatMap((kept) -> Mono.just(this.responses.posted(kept.receipt(), kept.discarded(), language)));
		});
	}

	private static boolean unknownCategory(Throwable failure) {
		return failure instanceof InvalidFieldsException invalid && invalid.fields()
			.stream()
			.anyMatch((field) -> "category".equals(field.field()) && "category.unknown".equals(field.code()));
	}

	private Mono<Void> audited(PartnerKey partner, PartnerReceipt receipt) {
		return this.audit.record("open311:" + partner.id(), "OPEN311_REPORT_RECEIVED", receipt.reportId(), null,
				Map.of("key", partner.id(), "partner", partner.name(), "replayed", receipt.replayed()));
	}

	private Mono<Kept> keep(PartnerReceipt receipt, Optional<CheckedImage> image) {
		if (image.isEmpty() || receipt.replayed()) {
			return Mono.just(new Kept(receipt, false));
		}
		return this.media.keep(receipt.reportId(), image.get()).map((kept) -> new Kept(receipt, !kept));
	}

	private Mono<Open311Parameters> parameters(ServerWebExchange exchange) {
		MultiValueMap<String, String> values = new LinkedMultiValueMap<>(exchange.getRequest().getQueryParams());
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		if (type != null && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
			return exchange.getMultipartData().handle((parts, sink) -> {
				parts.forEach((name, list) -> {
					List<String> fields = list.stream()
						.filter(FormFieldPart.class::isInstance)
						.map((part) -> ((FormFieldPart) part).value())
						.toList();
					if (!fields.isEmpty()) {
						values.put(name, fields);
					}
				});
				String unreadable = unreadableField(values);
				if (unreadable != null) {
					sink.error(new InvalidFieldsException(unreadable, "UnstorableText"));
					return;
				}
				sink.next(new Open311Parameters(values));
			});
		}
		return exchange.getFormData().handle((form, sink) -> {
			values.putAll(form);
			// A form declared in a charset its bytes are not (US-ASCII with a "ü") is
			// decoded with replacement characters: refused, as in a multipart field.
			String unreadable = unreadableField(values);
			if (unreadable != null) {
				sink.error(new InvalidFieldsException(unreadable, "UnstorableText"));
				return;
			}
			sink.next(new Open311Parameters(values));
		});
	}

	/**
	 * A field as the reader decoded it: bytes that were not of the declared charset
	 * became replacement characters, and a NUL would be dropped further on. Refused
	 * (400).
	 */
	private static @Nullable String unreadableField(MultiValueMap<String, String> values) {
		for (Map.Entry<String, List<String>> field : values.entrySet()) {
			for (String value : field.getValue()) {
				if (value.indexOf('\uFFFD') >= 0 || !TextNormalizer.storable(value)) {
					return field.getKey();
				}
			}
		}
		return null;
	}

	private Mono<Optional<byte[]>> photo(ServerWebExchange exchange) {
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		if (type == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
			return Mono.just(Optional.empty());
		}
		int limit = (int) this.properties.maxMediaSize().toBytes();
		return exchange.getMultipartData().flatMap((parts) -> {
			List<Part> media = parts.getOrDefault("media", List.of());
			if (media.size() > 1) {
				// One photo per request; a second one would be dropped without a word.
				return Mono.error(Open311Exception.badRequest("media was given more than once"));
			}
			Part part = parts.getFirst("media");
			if (!(part instanceof FilePart file)) {
				return Mono.just(Optional.<byte[]>empty());
			}
			return DataBufferUtils.join(file.content(), limit).map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return Optional.of(bytes);
			})
				.onErrorMap(DataBufferLimitException.class, (tooLarge) -> Open311Exception
					.badRequest("media is larger than " + this.properties.maxMediaSize().toMegabytes() + " MB"));
		});
	}

	private record Kept(PartnerReceipt receipt, boolean discarded) {
	}

}
