package de.quartierdispatch.apidoc;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import io.swagger.v3.oas.models.OpenAPI;

import org.springframework.core.io.ClassPathResource;

/**
 * A one-line summary for every operation, from
 * {@code apidoc/operation-summaries.properties} by operation id: what a partner's
 * developer reads first in any OpenAPI viewer or generated client. Kept in one file
 * rather than in annotations on forty controllers; a test fails when an operation has no
 * line, or a line names no operation.
 */
final class OperationSummaries {

	static final String FILE = "apidoc/operation-summaries.properties";

	private static final Properties SUMMARIES = load();

	private OperationSummaries() {
	}

	/** Sets each operation's summary from the file; run once the ids are final. */
	static void apply(OpenAPI openApi) {
		openApi.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
			String summary = SUMMARIES.getProperty(String.valueOf(operation.getOperationId()));
			if (summary != null && operation.getSummary() == null) {
				operation.setSummary(summary);
			}
		}));
	}

	static Properties load() {
		Properties summaries = new Properties();
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			summaries.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return summaries;
	}

}
