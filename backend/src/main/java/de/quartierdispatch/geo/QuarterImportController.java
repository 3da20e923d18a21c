package de.quartierdispatch.geo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import de.quartierdispatch.system.InvalidFieldsException;
import de.quartierdispatch.system.InvalidFieldsException.InvalidField;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Admin API to import a boundary file: {@code POST} the GeoJSON as the request body and
 * name the properties holding code and name.
 */
@RestController
@RequestMapping("/api/admin/quarters")
class QuarterImportController {

	/**
	 * Large enough for a city's generalised boundaries, small enough to refuse accidents.
	 */
	private static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

	private final QuarterImporter importer;

	QuarterImportController(QuarterImporter importer) {
		this.importer = importer;
	}

	@RequestBody(required = true, description = "The boundary file: a GeoJSON FeatureCollection in WGS 84",
			content = { @Content(mediaType = "application/geo+json", schema = @Schema(type = "object")),
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")) })
	@PostMapping(path = "/import", consumes = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	Mono<QuarterImportReport> importQuarters(ServerHttpRequest request, @RequestParam String codeProperty,
			@RequestParam String nameProperty, @RequestParam(defaultValue = "true") boolean repair,
			@RequestParam(defaultValue = "upload.geojson") String source) {
		// GeoJSON is UTF-8 (RFC 7946); a file declared otherwise would be read as if it
		// were.
		MediaType type = request.getHeaders().getContentType();
		if (type != null && type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
			return Mono.error(new UnsupportedMediaTypeStatusException(type,
					List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/geo+json"))));
		}
		List<InvalidField> unnamed = new ArrayList<>();
		if (codeProperty.isBlank()) {
			unnamed.add(new InvalidField("codeProperty", "quarter-import.property-unnamed"));
		}
		if (nameProperty.isBlank()) {
			unnamed.add(new InvalidField("nameProperty", "quarter-import.property-unnamed"));
		}
		if (!unnamed.isEmpty()) {
			return Mono.error(new InvalidFieldsException(unnamed));
		}
		QuarterImportOptions options = new QuarterImportOptions(codeProperty, nameProperty, repair);
		return Uploads.process(request.getBody(), MAX_FILE_BYTES,
				(file) -> this.importer.importFile(file, source, options));
	}

}
