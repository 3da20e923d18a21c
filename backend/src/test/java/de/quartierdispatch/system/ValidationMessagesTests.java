package de.quartierdispatch.system;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Bean Validation constraint a request uses has a message of its own in English and
 * German: without one, a form showed the constraint's name ("Min") as its error.
 */
class ValidationMessagesTests {

	private static final String CONSTRAINTS = "jakarta.validation.constraints.";

	@Test
	void everyConstraintInUseHasAMessageInEnglishAndGerman() throws ClassNotFoundException, IOException {
		Set<String> codes = constraintsInUse();
		assertThat(codes).contains("NotBlank", "Size", "Min", "Pattern");
		for (String file : new String[] { "messages.properties", "messages_de.properties" }) {
			Properties messages = PropertiesLoaderUtils
				.loadProperties(new EncodedResource(new ClassPathResource(file), StandardCharsets.UTF_8));
			assertThat(codes).as("constraints without a message of their own in %s", file)
				.allSatisfy((code) -> assertThat(messages.getProperty(code)).as(code).isNotBlank());
		}
	}

	private static Set<String> constraintsInUse() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*")));
		Set<String> codes = new TreeSet<>();
		for (var candidate : scanner.findCandidateComponents("de.quartierdispatch")) {
			Class<?> type = Class.forName(candidate.getBeanClassName());
			for (Field field : type.getDeclaredFields()) {
				collect(field.getAnnotations(), field.getAnnotatedType(), codes);
			}
			for (Method method : type.getDeclaredMethods()) {
				for (Parameter parameter : method.getParameters()) {
					collect(parameter.getAnnotations(), parameter.getAnnotatedType(), codes);
				}
			}
			if (type.isRecord()) {
				for (var component : type.getRecordComponents()) {
					collect(component.getAnnotations(), component.getAnnotatedType(), codes);
				}
			}
		}
		return codes;
	}

	private static void collect(Annotation[] annotations, AnnotatedType type, Set<String> codes) {
		Stream.of(annotations)
			.map((annotation) -> annotation.annotationType().getName())
			.filter((name) -> name.startsWith(CONSTRAINTS))
			.map((name) -> name.substring(CONSTRAINTS.length()))
			.forEach(codes::add);
		if (type instanceof AnnotatedParameterizedType parameterized) {
			for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
				collect(argument.getAnnotations(), argument, codes);
			}
		}
	}

}
