package de.quartierdispatch.apidoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.quartierdispatch.security.PublicApi;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * What springdoc cannot see in the code: how callers authenticate (the staff session
 * cookie with the CSRF header on changes, a partner app's {@code api_key} on Open311
 * submissions), how errors look (RFC 9457 problem details; GeoReport v2's {@code errors}
 * under {@code /open311/}), and the path variables of the format suffixes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String SESSION = "staffSession";

	static final String CSRF = "csrfHeader";

	static final String API_KEY = "open311ApiKey";

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");

	@Bean
	OpenAPI quartierDispatchApi() {
		return new OpenAPI()
			.info(new Info().title("Quartier Dispatch")
				.version("1")
				.description("Complaints and conflict reports routed to a city's field teams. Public endpoints "
						+ "need no sign-in; staff endpoints the session cookie (sign in with POST /api/auth/login). "
						+ "Every change also needs the CSRF token from the XSRF-TOKEN cookie (set on any answer) in "
						+ "the X-XSRF-TOKEN header, except a resident's report (POST /api/reports) and the mail "
						+ "stop link. Each operation's security says which applies. Open311 GeoReport v2 lives "
						+ "under /open311/v2/."))
			.components(new Components()
				.addSecuritySchemes(SESSION,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.COOKIE)
							.name("QD_SESSION")
							.description("The staff session, set by POST /api/auth/login"))
				.addSecuritySchemes(CSRF,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("X-XSRF-TOKEN")
							.description("The value of the XSRF-TOKEN cookie, on every POST, PUT and DELETE"))
				.addSecuritySchemes(API_KEY,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.QUERY)
							.name("api_key")
							.description("A partner app's key, issued by administrators; also accepted as a form "
									+ "field of the POST body"))
				.addSchemas("Problem", problemSchema())
				.addSchemas("Open311Errors", open311ErrorsSchema()));
	}

	@Bean
	OpenApiCustomizer conventions() {
		return (openApi) -> {
			// Added here as well: springdoc drops component schemas no operation
			// referred to before customizers ran.
			Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
			components.addSchemas("Problem", problemSchema()).addSchemas("Open311Errors", open311ErrorsSchema());
			openApi.setComponents(components);
			openApi.getPaths().forEach((path, item) -> {
				declarePathVariables(path, item);
				item.readOperationsMap().forEach((method, operation) -> {
					security(path, method, operation);
					errors(path, operation);
				});
			});
		};
	}

	private static void declarePathVariables(String path, PathItem item) {
		Matcher variables = PATH_VARIABLE.matcher(path);
		while (variables.find()) {
			String name = variables.group(1);
			item.readOperations().forEach((operation) -> {
				boolean declared = operation.getParameters() != null && operation.getParameters()
					.stream()
					.anyMatch((parameter) -> "path".equals(parameter.getIn()) && name.equals(parameter.getName()));
				if (!declared) {
					operation.addParametersItem(new Parameter().in("path")
						.name(name)
						.required(true)
						.description(name.equals("format") ? "json or xml" : null)
						.schema(typed("string")));
				}
			});
		}
	}

	/**
	 * Who may call an operation, from the same lists the security configuration permits:
	 * staff routes need the session (and the CSRF token on changes), public ones nothing
	 * or only the token, Open311 submissions the partner app's key. A public operation
	 * says so with an empty list, rather than by leaving security out.
	 */
	private static void security(String path, PathItem.HttpMethod method, Operation operation) {
		HttpMethod http = HttpMethod.valueOf(method.name());
		String concrete = PATH_VARIABLE.matcher(path).replaceAll("x");
		List<SecurityRequirement> requirements = new ArrayList<>();
		if (path.startsWith("/open311/") && method == PathItem.HttpMethod.POST) {
			requirements.add(new SecurityRequirement().addList(API_KEY));
		}
		else if (path.startsWith("/api/") && !PublicApi.isPublic(http, concrete)) {
			SecurityRequirement staff = new SecurityRequirement().addList(SESSION);
			if (PublicApi.needsCsrfToken(http, concrete)) {
				staff.addList(CSRF);
			}
			requirements.add(staff);
		}
		else if (path.startsWith("/api/") && PublicApi.needsCsrfToken(http, concrete)) {
			requirements.add(new SecurityRequirement().addList(CSRF));
		}
		operation.setSecurity(requirements);
	}

	private static void errors(String path, Operation operation) {
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		boolean open311 = path.startsWith("/open311/");
		Map<String, String> statuses = open311
				? Map.of("400", "A parameter is missing or not acceptable", "403", "api_key missing, wrong or revoked",
						"404", "Unknown jurisdiction_id, service_code or service_request_id", "429",
						"Too many requests")
				: Map.of("400", "Bad request", "401", "Not signed in", "403", "Not allowed or CSRF token missing",
						"422", "Fields not acceptable", "429", "Too many requests");
		statuses.forEach((status, description) -> {
			if (!responses.containsKey(status)) {
				responses.addApiResponse(status, open311 ? open311Error(description) : problem(description));
			}
		});
		operation.setResponses(responses);
	}

	static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
	}

	private static ApiResponse open311Error(String description) {
		Schema<?> errors = new Schema<>().$ref("#/components/schemas/Open311Errors");
		return new ApiResponse().description(description)
			.content(
					new Content().addMediaType("application/json", new MediaType().schema(errors))
						.addMediaType("text/xml", new MediaType().schema(errors)
							.addExamples("forbidden", new Example().value("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
									+ "<errors><error><code>403</code><description>api_key is invalid or revoked"
									+ "</description></error></errors>"))));
	}

	private static Schema<?> problemSchema() {
		Schema<Object> error = typed("object");
		error.addProperty("field", typed("string"));
		error.addProperty("code", typed("string"));
		error.addProperty("message", typed("string"));
		Schema<Object> errors = typed("array");
		errors.setItems(error);
		Schema<Object> problem = typed("object");
		problem.setDescription("RFC 9457 problem details, title and detail in the caller's language");
		problem.addProperty("type", typed("string"));
		problem.addProperty("title", typed("string"));
		problem.addProperty("status", typed("integer"));
		problem.addProperty("detail", typed("string"));
		problem.addProperty("instance", typed("string"));
		problem.addProperty("reference", typed("string"));
		problem.addProperty("errors", errors);
		problem.setExample(Map.of("type", "urn:problem:quartier-dispatch:invalid-fields", "title",
				"Please check your entries", "status", 422, "detail", "Some fields are not filled in correctly.",
				"errors", List.of(Map.of("field", "category", "code", "category.unknown", "message",
						"Please choose a category from the list."))));
		return problem;
	}

	private static Schema<?> open311ErrorsSchema() {
		Schema<Object> error = typed("object");
		error.addProperty("code", typed("integer"));
		error.addProperty("description", typed("string"));
		Schema<Object> errors = typed("array");
		errors.setDescription("GeoReport v2 errors (in XML: <errors><error><code/><description/></error></errors>)");
		errors.setItems(error);
		errors.setExample(List.of(Map.of("code", 403, "description", "api_key is invalid or revoked")));
		return errors;
	}

	private static Schema<Object> typed(String type) {
		Schema<Object> schema = new Schema<>();
		schema.setType(type);
		schema.addType(type);
		return schema;
	}

}
