package de.quartierdispatch.apidoc;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Bean Validation's {@code @Pattern} matches the whole value; JSON Schema's
 * {@code pattern} matches anywhere in it, so {@code de|en} would let "deutsch" through a
 * client's validation that the server then refuses. Every pattern the description copies
 * from the code is anchored here.
 */
@Component
class WholeValuePatterns implements OpenApiCustomizer {

	@Override
	public void customise(OpenAPI openApi) {
		Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
			openApi.getComponents().getSchemas().values().forEach((schema) -> anchor(schema, seen));
		}
		openApi.getPaths()
			.values()
			.forEach((item) -> item.readOperations()
				.stream()
				.filter((operation) -> operation.getParameters() != null)
				.forEach((operation) -> operation.getParameters()
					.forEach((parameter) -> anchor(parameter.getSchema(), seen))));
	}

	private static void anchor(Schema<?> schema, Set<Schema<?>> seen) {
		if (schema == null || !seen.add(schema)) {
			return;
		}
		String pattern = schema.getPattern();
		if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
			schema.setPattern("^(?:" + pattern + ")$");
		}
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach((property) -> anchor(property, seen));
		}
		anchor(schema.getItems(), seen);
	}

}
