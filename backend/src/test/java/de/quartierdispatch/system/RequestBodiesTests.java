package de.quartierdispatch.system;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of every JSON request body is either declared {@code @Nullable} or refused
 * when missing ({@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty}): a field that is
 * neither passes validation as {@code null} into code that assumes it is there, where it
 * fails as a server error (the accessibility feedback without {@code language} did).
 */
class RequestBodiesTests {

	@Test
	void everyBodyFieldIsNullableOrRequired() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		Set<String> unguarded = new TreeSet<>();
		Set<Class<?>> seen = new HashSet<>();
		for (BeanDefinition controller : scanner.findCandidateComponents("de.quartierdispatch")) {
			Class<?> type = ClassUtils.forName(controller.getBeanClassName(), getClass().getClassLoader());
			for (Method method : type.getDeclaredMethods()) {
				for (int i = 0; i < method.getParameterCount(); i++) {
					if (method.getParameters()[i].isAnnotationPresent(RequestBody.class)) {
						check(method.getGenericParameterTypes()[i], seen, unguarded);
					}
				}
			}
		}
		assertThat(seen).as("request body records found").hasSizeGreaterThan(20);
		assertThat(unguarded).as("body fields neither @Nullable nor required").isEmpty();
	}

	private static void check(Type type, Set<Class<?>> seen, Set<String> unguarded) {
		if (type instanceof ParameterizedType generic) {
			for (Type argument : generic.getActualTypeArguments()) {
				check(argument, seen, unguarded);
			}
			return;
		}
		if (!(type instanceof Class<?> raw) || !raw.isRecord() || !seen.add(raw)) {
			return;
		}
		for (RecordComponent component : raw.getRecordComponents()) {
			boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class)
					|| component.isAnnotationPresent(Nullable.class);
			if (!component.getType().isPrimitive() && !nullable && !required(component)) {
				unguarded.add(raw.getName() + "." + component.getName());
			}
			check(component.getGenericType(), seen, unguarded);
		}
	}

	/**
	 * Bean Validation's annotations do not target record components: the compiler puts
	 * them on the accessor (and the field, and the type where they are type-use).
	 */
	private static boolean required(RecordComponent component) {
		return Stream.of(component.getAccessor(), component.getAnnotatedType())
			.anyMatch((element) -> Stream.of(NotNull.class, NotBlank.class, NotEmpty.class)
				.anyMatch(element::isAnnotationPresent));
	}

}
