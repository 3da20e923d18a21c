package de.quartierdispatch.geo;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API to import the address gazetteer from CSV. Column names and the coordinates'
 * reference system default to NRW's "Hauskoordinaten" and can be named for other sources.
 * The file is UTF-8 unless its Content-Type names another character set
 * ({@code text/csv; charset=ISO-8859-1}).
 */
@RestController
@RequestMapping("/api/admin/addresses")
class AddressImportController {

	private static final long MAX_FILE_BYTES = 500L * 1024 * 1024;

	private final AddressImporter importer;

	AddressImportController(AddressImporter importer) {
		this.importer = importer;
	}

	@RequestBody(required = true,
			description = "The gazetteer: one address per row, with a header row naming the columns",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	@PostMapping(path = "/import", consumes = "text/csv")
	Mono<AddressImportReport> importAddresses(ServerHttpRequest request,
			@RequestParam(defaultValue = ";") char delimiter, @RequestParam(defaultValue = "STN") String street,
			@RequestParam(defaultValue = "HNR") String houseNumber,
			@RequestParam(defaultValue = "ADZ") @Nullable String houseNumberSuffix,
			@RequestParam(defaultValue = "PLZ") String postcode, @RequestParam(defaultValue = "ONM") String city,
			@RequestParam(defaultValue = "EAST") String x, @RequestParam(defaultValue = "NORTH") String y,
			@RequestParam(defaultValue = "25832") int srid) {
		// A charset Java does not know is refused (415) before this runs.
		MediaType type = request.getHeaders().getContentType();
		Charset charset = (type != null && type.getCharset() != null) ? type.getCharset() : StandardCharsets.UTF_8;
		AddressImportOptions options = new AddressImportOptions(delimiter, street, houseNumber,
				(houseNumberSuffix == null || houseNumberSuffix.isBlank()) ? null : houseNumberSuffix, postcode, city,
				x, y, srid, charset);
		return Uploads.process(request.getBody(), MAX_FILE_BYTES, (file) -> this.importer.importCsv(file, options)
			.onErrorMap(IllegalArgumentException.class, AddressFileRejectedException::new));
	}

}
