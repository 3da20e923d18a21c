package de.quartierdispatch.open311;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner app's side of Open311, as a real HTTP client (the JDK's) against the running
 * application, checking every answer against the XML schema and JSON schema written from
 * the specification ({@code src/test/resources/open311}).
 */
final class Open311Client {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	Open311Client(int port) {
		this.base = "http://localhost:" + port + "/open311/v2/";
	}

	HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> postForm(String path, Map<String, List<String>> form, String... headers)
			throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.flatMap((entry) -> entry.getValue().stream().map((value) -> encode(entry.getKey()) + "=" + encode(value)))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> postMultipart(String path, Map<String, String> fields, byte[] media, String mediaType)
			throws IOException, InterruptedException {
		String boundary = "qd-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
					+ "\"\r\n\r\n" + field.getValue() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"photo\"\r\n"
				+ "Content-Type: " + mediaType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(media);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A request with any method, without a body. */
	HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
		return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	/** Sends the bytes as they are, with the given {@code Content-Type}. */
	HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Parses a JSON answer after checking it against the schema's definition. */
	static JsonNode validJson(HttpResponse<String> response, String definition) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode document = JSON.readTree(response.body());
		ObjectNode schema = (ObjectNode) JSON
			.readTree(Open311Client.class.getResourceAsStream("/open311/georeport-v2.schema.json"));
		schema.put("$ref", "#/$defs/" + definition);
		Schema validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(schema.toString());
		List<Error> errors = validator.validate(document);
		assertThat(errors).as("JSON schema errors of " + response.body()).isEmpty();
		return document;
	}

	/** Checks an XML answer against the schema and returns it. */
	static String validXml(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/xml"));
		assertThat(response.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		try {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			Validator validator = factory
				.newSchema(new StreamSource(Open311Client.class.getResourceAsStream("/open311/georeport-v2.xsd")))
				.newValidator();
			validator.validate(new StreamSource(new StringReader(response.body())));
		}
		catch (SAXException | IOException ex) {
			throw new AssertionError("Not valid GeoReport v2 XML: " + ex.getMessage() + "\n" + response.body(), ex);
		}
		return response.body();
	}

}
