package de.quartierdispatch.apidoc;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * A one-line summary for every operation, from
 * {@code apidoc/operation-summaries.properties} by operation id: what a partner's
 * developer reads first in any OpenAPI viewer or generated client. Kept in one file
 * rather than in annotations on forty controllers; a test fails when an operation has no
 * line, or a line names no operation.
 */
@Configuration(proxyBeanMethods = false)
class OperationSummaries {

	static final String FILE = "apidoc/operation-summaries.properties";

	@Bean
	OpenApiCustomizer summaries() {
		Properties summaries = load();
		return (openApi) -> openApi.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
			String summary = summaries.getProperty(String.valueOf(operation.getOperationId()));
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
