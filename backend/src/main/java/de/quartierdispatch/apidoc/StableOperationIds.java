package de.quartierdispatch.apidoc;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operation ids a generated client can keep: the controller's name and the method's
 * ({@code publicReportSubmit}), where springdoc would number clashing method names in the
 * order it meets them ({@code submit_2}), which moves when a controller is added. Tags
 * name the feature without the word "controller".
 */
@Configuration(proxyBeanMethods = false)
class StableOperationIds {

	@Bean
	OperationCustomizer controllerAndMethodNames() {
		return (operation, handler) -> {
			String stem = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
			String method = handler.getMethod().getName();
			operation.setOperationId(Character.toLowerCase(stem.charAt(0)) + stem.substring(1)
					+ Character.toUpperCase(method.charAt(0)) + method.substring(1));
			if (operation.getTags() != null) {
				operation
					.setTags(operation.getTags().stream().map((tag) -> tag.replaceFirst("-controller$", "")).toList());
			}
			return operation;
		};
	}

	/**
	 * A method mapped to a path and its {@code .{format}} twin (Open311) has one
	 * operation per path; springdoc numbers the second, this names it. Then, with every
	 * id final, the summaries (one customizer, so that the order is certain).
	 */
	@Bean
	OpenApiCustomizer formatTwinsThenSummaries() {
		return (openApi) -> {
			openApi.getPaths().forEach((path, item) -> {
				if (path.endsWith(".{format}")) {
					item.readOperations()
						.forEach((operation) -> operation
							.setOperationId(operation.getOperationId().replaceFirst("_\\d+$", "") + "WithFormat"));
				}
			});
			OperationSummaries.apply(openApi);
		};
	}

}
