package de.quartierdispatch.apidoc;

import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * What springdoc reads wrong from the handlers' types, and what it cannot read at all.
 * Many answers are JSON documents the database builds, handed on as text: springdoc calls
 * them a string (or, for one written as it is produced, a list of buffers), which a
 * generated client would take literally; they are described as JSON (their fields in the
 * README). Open311 answers in the format the path or Accept asks for. And the statuses an
 * operation of a kind may answer besides its own: 404 for an object named in the path,
 * 409 for a change to something changed meanwhile or in the wrong state, 413 and 415 for
 * a body too large or of another type.
 */
@Component
class AnswerShapes implements OpenApiCustomizer {

	private static final Set<String> JSON = Set.of("application/json", "application/geo+json");

	private static final Set<PathItem.HttpMethod> CHANGES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
			PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
			responses.forEach((status, response) -> {
				if (status.startsWith("2")) {
					describeDocuments(path, response);
				}
			});
			if (path.startsWith("/api/")) {
				statuses(path, method, operation, responses);
			}
			operation.setResponses(responses);
		}));
		if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
			openApi.getComponents().getSchemas().remove("DataBuffer");
		}
	}

	private static void describeDocuments(String path, ApiResponse response) {
		Content content = response.getContent();
		if (content == null) {
			return;
		}
		if (path.startsWith("/open311/") && content.containsKey("*/*")) {
			content.remove("*/*");
			content.addMediaType("application/json", new MediaType().schema(document("GeoReport v2 JSON")))
				.addMediaType("text/xml", new MediaType().schema(document("GeoReport v2 XML")));
			return;
		}
		content.forEach((type, media) -> {
			if (JSON.contains(type) && (isText(media.getSchema()) || isBuffers(media.getSchema()))) {
				media.setSchema(document("A JSON document; its fields are described in the README"));
			}
		});
	}

	private static void statuses(String path, PathItem.HttpMethod method, Operation operation, ApiResponses responses) {
		Map<String, Boolean> applies = Map.of("404", path.contains("{"), "409", CHANGES.contains(method), "413",
				operation.getRequestBody() != null, "415", operation.getRequestBody() != null);
		Map<String, String> descriptions = Map.of("404", "Not found (or not visible to the caller)", "409",
				"Changed meanwhile, or not possible in its current state", "413", "Body too large", "415",
				"Body of a type this operation does not read");
		applies.forEach((status, applicable) -> {
			if (applicable && !responses.containsKey(status)) {
				responses.addApiResponse(status, OpenApiConfiguration.problem(descriptions.get(status)));
			}
		});
	}

	/**
	 * An answer written as it is produced (the board's snapshot): springdoc sees buffers.
	 */
	private static boolean isBuffers(Schema<?> schema) {
		Schema<?> items = (schema != null) ? schema.getItems() : null;
		return items != null && items.get$ref() != null && items.get$ref().endsWith("/DataBuffer");
	}

	private static boolean isText(Schema<?> schema) {
		return schema != null && schema.get$ref() == null
				&& ("string".equals(schema.getType())
						|| (schema.getTypes() != null && schema.getTypes().equals(Set.of("string"))))
				&& schema.getFormat() == null && schema.getEnum() == null;
	}

	private static Schema<Object> document(String description) {
		Schema<Object> schema = new Schema<>();
		schema.setDescription(description);
		return schema;
	}

}
