package de.quartierdispatch.system;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpEntity;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler that answers with text or bytes it wrote itself can be written in any media
 * type, so {@code AcceptableAnswerFilter} cannot tell which {@code Accept} it cannot
 * meet: such a handler says what it answers in ({@code produces}), or a report is stored
 * and a photo view audited for a client that then gets a 406.
 */
class DeclaredAnswerTypesTests {

	@Test
	void everyHandlerAnsweringWithTextOrBytesDeclaresItsMediaType() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		List<String> undeclared = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("de.quartierdispatch")) {
			Class<?> controller = ClassUtils.forName(candidate.getBeanClassName(), null);
			RequestMapping onClass = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
			boolean classDeclares = onClass != null && onClass.produces().length > 0;
			for (Method method : controller.getDeclaredMethods()) {
				RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
				if (mapping != null && underApi(onClass, mapping) && !classDeclares && mapping.produces().length == 0
						&& writesItself(method)) {
					undeclared.add(controller.getSimpleName() + "." + method.getName());
				}
			}
		}
		assertThat(undeclared).as("handlers answering with text or bytes without produces").isEmpty();
	}

	/**
	 * The application's API. Open311 answers in the format its path names ({@code .json},
	 * {@code .xml}), as its specification has it, whatever the {@code Accept}.
	 */
	private static boolean underApi(@Nullable RequestMapping onClass, RequestMapping onMethod) {
		List<String> paths = new ArrayList<>(List.of(onMethod.path()));
		if (onClass != null) {
			paths.addAll(List.of(onClass.path()));
		}
		return paths.stream().anyMatch((path) -> path.startsWith("/api/"));
	}

	private static boolean writesItself(Method method) {
		ResolvableType type = ResolvableType.forMethodReturnType(method);
		for (int unwrapped = 0; unwrapped < 3; unwrapped++) {
			Class<?> raw = type.resolve(Object.class);
			if (Mono.class.isAssignableFrom(raw) || Flux.class.isAssignableFrom(raw)
					|| HttpEntity.class.isAssignableFrom(raw)) {
				type = type.getGeneric();
			}
		}
		Class<?> body = type.resolve(Object.class);
		return body == String.class || body == byte[].class;
	}

}
