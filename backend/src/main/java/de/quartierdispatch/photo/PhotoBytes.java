package de.quartierdispatch.photo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

/**
 * The body of a photo upload, as the API description tells clients: the image's own
 * bytes, not a form (the handler reads the body itself, so springdoc cannot see it).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequestBody(required = true, description = "The photo itself (JPEG, PNG or WebP; its type is read from its bytes)",
		content = { @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
				@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
				@Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")) })
@interface PhotoBytes {

}
