package de.quartierdispatch.apidoc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * GeoReport v2's fields, which the Open311 handlers read from the raw form (the
 * specification's names, {@code attribute[FLAGS][]}, the body and the query string
 * together) and springdoc therefore cannot see: a client generated from the description
 * knows what to send.
 */
@Component
class Open311Fields implements OpenApiCustomizer {

	private static final Map<String, String> SUBMISSION = Map.ofEntries(
			Map.entry("api_key", "The app's key (also accepted in the query string)"),
			Map.entry("service_code", "A service_code from services"), Map.entry("lat", "Latitude, decimal degrees"),
			Map.entry("long", "Longitude, decimal degrees"),
			Map.entry("address_string", "The address as the resident wrote it"),
			Map.entry("description", "What happened, 10 to 2,000 characters"),
			Map.entry("locale", "The resident's language, e.g. de_DE, ar, tr"),
			Map.entry("jurisdiction_id", "Only this city's own, if given"),
			Map.entry("email", "Not stored (no consent is given through an app)"),
			Map.entry("first_name", "Not stored"), Map.entry("last_name", "Not stored"),
			Map.entry("phone", "Not stored"),
			Map.entry("device_id", "Not stored; tells two residents' same complaint apart"),
			Map.entry("account_id", "Not stored; tells two residents' same complaint apart"),
			Map.entry("media_url", "Ignored: the server fetches nothing; send the photo as media"));

	private static final Map<String, String> SEARCH = Map.of("service_request_id", "Comma-separated ids",
			"service_code", "Comma-separated service codes", "start_date", "ISO 8601, with its offset", "end_date",
			"ISO 8601, with its offset", "status", "open or closed (comma-separated)", "jurisdiction_id",
			"Only this city's own, if given");

	@Override
	public void customise(OpenAPI openApi) {
		for (String path : List.of("/open311/v2/requests", "/open311/v2/requests.{format}")) {
			PathItem item = openApi.getPaths().get(path);
			if (item == null) {
				continue;
			}
			if (item.getPost() != null) {
				item.getPost().requestBody(submission());
			}
			if (item.getGet() != null) {
				search(item.getGet());
			}
		}
	}

	private static RequestBody submission() {
		Schema<Object> form = object();
		SUBMISSION.forEach((name, description) -> form.addProperty(name, text(description)));
		Schema<Object> flags = new Schema<>();
		flags.addType("array");
		flags.setItems(text("A flag code from the service definition"));
		flags.setDescription("The service's one attribute, FLAGS: repeated or comma-separated");
		form.addProperty("attribute[FLAGS][]", flags);
		// lat and long too: an address alone is not resolved to a place.
		form.setRequired(List.of("api_key", "service_code", "lat", "long", "description"));
		Schema<Object> withPhoto = object();
		withPhoto.setProperties(new LinkedHashMap<>(form.getProperties()));
		withPhoto.setRequired(form.getRequired());
		Schema<Object> media = text("A photo (JPEG, PNG or WebP)");
		media.setContentMediaType("application/octet-stream");
		withPhoto.addProperty("media", media);
		return new RequestBody().required(false)
			.content(new Content().addMediaType("application/x-www-form-urlencoded", new MediaType().schema(form))
				.addMediaType("multipart/form-data", new MediaType().schema(withPhoto)));
	}

	private static void search(Operation operation) {
		SEARCH.forEach((name, description) -> {
			boolean declared = operation.getParameters() != null
					&& operation.getParameters().stream().anyMatch((parameter) -> name.equals(parameter.getName()));
			if (!declared) {
				operation.addParametersItem(new Parameter().in("query")
					.name(name)
					.required(false)
					.description(description)
					.schema(text(null)));
			}
		});
	}

	private static Schema<Object> object() {
		Schema<Object> schema = new Schema<>();
		schema.addType("object");
		return schema;
	}

	private static Schema<Object> text(String description) {
		Schema<Object> schema = new Schema<>();
		schema.addType("string");
		schema.setDescription(description);
		return schema;
	}

}
