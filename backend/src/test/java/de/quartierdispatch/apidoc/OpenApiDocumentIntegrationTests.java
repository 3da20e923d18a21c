package de.quartierdispatch.apidoc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import de.quartierdispatch.support.IntegrationTest;
import de.quartierdispatch.support.StaffLogin;
import de.quartierdispatch.system.Language;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springdoc.core.service.OpenAPIService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is served to anyone at {@code /v3/api-docs}, is valid OpenAPI 3.1
 * (parsed by swagger-parser), and describes every endpoint the application maps, with the
 * security schemes and error shapes callers need.
 */
@IntegrationTest
class OpenApiDocumentIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private OpenAPIService openApi;

	@Autowired
	private WebTestClient client;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlers;

	@Test
	void theServedDocumentIsValidOpenApi31AndDescribesEveryMappedEndpoint() throws Exception {
		OpenAPI document = served();
		assertThat(document.getOpenapi()).startsWith("3.1");

		Set<String> undescribed = new TreeSet<>();
		this.handlers.getHandlerMethods()
			.keySet()
			.forEach((mapping) -> mapping.getPatternsCondition()
				.getPatterns()
				.forEach((pattern) -> mapping.getMethodsCondition().getMethods().forEach((method) -> {
					String path = pattern.getPatternString();
					// The description does not describe itself.
					if (!path.startsWith("/v3/api-docs") && !described(document, method.name(), path)) {
						undescribed.add(method + " " + path);
					}
				})));
		assertThat(undescribed).as("mapped endpoints missing from the OpenAPI document").isEmpty();

		// A handler that reads the body itself (a photo, a boundary file, a gazetteer):
		// springdoc cannot see it, the description must still say what to send.
		Set<String> bodiesUnsaid = new TreeSet<>();
		this.handlers.getHandlerMethods().forEach((mapping, handler) -> {
			boolean readsItsBody = Arrays.stream(handler.getMethodParameters())
				.anyMatch((parameter) -> parameter.getParameterType() == ServerHttpRequest.class);
			mapping.getMethodsCondition().getMethods().forEach((method) -> {
				if (readsItsBody && (method == RequestMethod.POST || method == RequestMethod.PUT)) {
					mapping.getPatternsCondition().getPatterns().forEach((pattern) -> {
						Operation operation = document.getPaths()
							.get(pattern.getPatternString())
							.readOperationsMap()
							.get(PathItem.HttpMethod.valueOf(method.name()));
						if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
							bodiesUnsaid.add(method + " " + pattern.getPatternString());
						}
					});
				}
			});
		});
		assertThat(bodiesUnsaid).as("operations whose body the description does not name").isEmpty();
		assertThat(document.getPaths().get("/api/reports/{code}/photos").getPost().getRequestBody().getContent())
			.containsKeys("image/jpeg", "image/png", "image/webp");

		assertThat(document.getComponents().getSecuritySchemes()).containsKeys("staffSession", "csrfHeader",
				"open311ApiKey");
		assertThat(document.getComponents().getSchemas()).containsKeys("Problem", "Open311Errors");
		Operation submit = document.getPaths().get("/open311/v2/requests").getPost();
		assertThat(submit.getSecurity())
			.anySatisfy((requirement) -> assertThat(requirement).containsKey("open311ApiKey"));
		Operation createUser = document.getPaths().get("/api/admin/users").getPost();
		assertThat(createUser.getSecurity())
			.anySatisfy((requirement) -> assertThat(requirement).containsKeys("staffSession", "csrfHeader"));
		assertThat(createUser.getResponses().get("422").getContent()).containsKey("application/problem+json");

		// What a client generated from it is told: a report is created (201) with its key
		// (required), an answer built as JSON is not a string, an object named in the
		// path
		// may not be found, and Open311 answers in JSON or XML.
		Operation report = document.getPaths().get("/api/reports").getPost();
		assertThat(report.getResponses()).containsKeys("201", "413", "415").doesNotContainKey("200");
		assertThat(report.getParameters()).anySatisfy((parameter) -> {
			assertThat(parameter.getName()).isEqualTo("Idempotency-Key");
			assertThat(parameter.getRequired()).isTrue();
		});
		Schema<?> receipt = report.getResponses().get("201").getContent().get("application/json").getSchema();
		assertThat(receipt.getType()).isNull();
		assertThat(receipt.getTypes() == null || receipt.getTypes().isEmpty()).isTrue();
		// The snapshot, written as it is produced, is one JSON object, not a list of
		// buffers; an audit entry's details are an object too.
		Schema<?> snapshot = document.getPaths()
			.get("/api/board/snapshot")
			.getGet()
			.getResponses()
			.get("200")
			.getContent()
			.get("application/json")
			.getSchema();
		assertThat(snapshot.getItems()).isNull();
		assertThat(document.getComponents().getSchemas()).doesNotContainKey("DataBuffer");
		Schema<?> details = (Schema<?>) document.getComponents()
			.getSchemas()
			.get("AuditEntry")
			.getProperties()
			.get("details");
		assertThat(details.getType() + " " + details.getTypes()).contains("object").doesNotContain("string");
		Operation decide = document.getPaths().get("/api/incidents/{id}/decision").getPost();
		assertThat(decide.getResponses()).containsKeys("404", "409");
		assertThat(submit.getResponses()).containsKey("201");
		assertThat(submit.getRequestBody().getContent()).containsKeys("application/x-www-form-urlencoded",
				"multipart/form-data");
		Schema<?> fields = submit.getRequestBody().getContent().get("multipart/form-data").getSchema();
		assertThat(fields.getProperties().keySet()).contains("api_key", "service_code", "lat", "long", "description",
				"attribute[FLAGS][]", "media");
		assertThat(document.getPaths().get("/open311/v2/requests.{format}").getGet().getParameters())
			.extracting(io.swagger.v3.oas.models.parameters.Parameter::getName)
			.contains("service_request_id", "start_date", "status");
		// A pattern is the whole value, as the server checks it: "deutsch" is no
		// language.
		Schema<?> language = (Schema<?>) document.getComponents()
			.getSchemas()
			.get("PublicReportRequest")
			.getProperties()
			.get("language");
		assertThat(language.getPattern()).isEqualTo("^(?:de|en|ar|fa|tr|uk|ro|bg)$");
		assertThat(document.getPaths()
			.get("/open311/v2/services.{format}")
			.getGet()
			.getResponses()
			.get("200")
			.getContent()).containsKeys("application/json", "text/xml").doesNotContainKey("*/*");
	}

	/**
	 * What the description says about who may call an operation is what the server does:
	 * every {@code /api/} operation is called without a session, with the CSRF token only
	 * where the description asks for it. Those marked for staff are refused with 401; the
	 * public ones are not refused at all (the made-up path variables and empty bodies may
	 * be rejected as input). Operation ids are unique and stable (no numbered clashes),
	 * and each operation has a summary.
	 */
	@Test
	void everyOperationsSecurityIsWhatTheServerAsksForAndItsIdIsStable() throws Exception {
		OpenAPI document = served();
		String csrf = StaffLogin.csrfToken(this.client);
		Set<String> ids = new TreeSet<>();
		Map<String, String> wrong = new TreeMap<>();
		document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			assertThat(operation.getOperationId()).as("%s %s", method, path).matches("[a-z][A-Za-z0-9]+");
			assertThat(ids.add(operation.getOperationId())).as("unique id %s", operation.getOperationId()).isTrue();
			assertThat(operation.getSecurity()).as("security of %s %s", method, path).isNotNull();
			if (!path.startsWith("/api/")) {
				return;
			}
			Set<String> schemes = new TreeSet<>();
			operation.getSecurity().forEach((requirement) -> schemes.addAll(requirement.keySet()));
			int status = anonymousCall(method, path.replaceAll("\\{[^}]+}", "1"),
					schemes.contains("csrfHeader") ? csrf : null);
			boolean staffOnly = schemes.contains("staffSession");
			if (staffOnly ? status != 401 : (status == 401 || status == 403)) {
				wrong.put(method + " " + path, schemes + " but " + status);
			}
			// A public operation said to need the token is refused without it.
			if (!staffOnly && schemes.contains("csrfHeader")) {
				int without = anonymousCall(method, path.replaceAll("\\{[^}]+}", "1"), null);
				if (without != 403) {
					wrong.put(method + " " + path + " without the token", schemes + " but " + without);
				}
			}
		}));
		assertThat(wrong).as("operations whose described security differs from the server's").isEmpty();
		Properties summaries = OperationSummaries.load();
		Set<String> unsummarised = new TreeSet<>();
		document.getPaths()
			.values()
			.forEach((item) -> item.readOperations()
				.stream()
				.filter((operation) -> operation.getSummary() == null
						|| !operation.getSummary().equals(summaries.getProperty(operation.getOperationId())))
				.forEach((operation) -> unsummarised.add(operation.getOperationId())));
		assertThat(unsummarised).as("operations without their own line in " + OperationSummaries.FILE).isEmpty();
		assertThat(OperationSummaries.load().stringPropertyNames())
			.as("lines in %s for no operation", OperationSummaries.FILE)
			.isSubsetOf(ids);
		assertThat(ids).contains("publicReportSubmit", "open311SubmissionSubmit", "open311SubmissionSubmitWithFormat");
	}

	private OpenAPI served() throws Exception {
		HttpResponse<String> served = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v3/api-docs"))
				.timeout(Duration.ofSeconds(60))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(served.statusCode()).isEqualTo(200);
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult parsed = new OpenAPIParser().readContents(served.body(), null, options);
		assertThat(parsed.getMessages()).as("validation messages").isEmpty();
		return parsed.getOpenAPI();
	}

	private int anonymousCall(PathItem.HttpMethod method, String path, String csrf) {
		WebTestClient.RequestBodySpec request = this.client.method(HttpMethod.valueOf(method.name())).uri(path);
		if (csrf != null) {
			request.cookie("XSRF-TOKEN", csrf).header("X-XSRF-TOKEN", csrf);
		}
		if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.DELETE) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
		}
		return request.exchange().returnResult(byte[].class).getStatus().value();
	}

	/**
	 * Nothing in the document is translated: every language gets the copy springdoc built
	 * once at start, and no request makes it build another (seconds of CPU each).
	 */
	@Test
	void everyLanguageIsAnsweredFromTheOneDocumentBuiltAtStart() throws Exception {
		String first = null;
		for (Language language : Language.values()) {
			HttpResponse<String> served = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v3/api-docs"))
					.header("Accept-Language", language.code())
					.timeout(Duration.ofSeconds(60))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(served.statusCode()).isEqualTo(200);
			first = (first != null) ? first : served.body();
			assertThat(served.body()).as(language.code()).isEqualTo(first);
		}
		for (Language language : Language.values()) {
			assertThat(this.openApi.getCachedOpenAPI(language.locale())).as(language.code())
				.matches((cached) -> (language == Language.DEFAULT) == (cached != null));
		}
	}

	private static boolean described(OpenAPI document, String method, String path) {
		PathItem item = document.getPaths().get(path);
		if (item == null) {
			return false;
		}
		return item.readOperationsMap()
			.keySet()
			.stream()
			.anyMatch((described) -> described.name().equals(method.toUpperCase(Locale.ROOT)));
	}

}
