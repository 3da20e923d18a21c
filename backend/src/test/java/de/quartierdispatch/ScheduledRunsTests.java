package de.quartierdispatch;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.mockito.stubbing.Answer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring calls a reactive {@code @Scheduled} method once and subscribes to the Mono it
 * returned at every run. Each such method must therefore do nothing when called and all
 * its work at each subscription: the senders of webhooks and mail once took the time of
 * start-up for good and found nothing due after their first run. Checked for every
 * scheduled method, with stand-ins for its collaborators that count what is asked of
 * them.
 */
class ScheduledRunsTests {

	private static final Answer<Object> EMPTY_RESULTS = (invocation) -> {
		Class<?> type = invocation.getMethod().getReturnType();
		if (Mono.class.isAssignableFrom(type)) {
			return Mono.empty();
		}
		if (Flux.class.isAssignableFrom(type)) {
			return Flux.empty();
		}
		if (Duration.class.equals(type)) {
			return Duration.ofMinutes(1);
		}
		return Mockito.RETURNS_DEFAULTS.answer(invocation);
	};

	@Test
	void everyScheduledRunDoesItsWorkAtEachSubscriptionNotWhenItIsCalled() throws Exception {
		List<Method> methods = scheduledMethods();
		assertThat(methods).as("scheduled methods found").hasSizeGreaterThanOrEqualTo(7);
		for (Method method : methods) {
			List<Object> collaborators = new ArrayList<>();
			Object schedule = construct(method.getDeclaringClass(), collaborators);
			method.setAccessible(true);
			Mono<?> run = (Mono<?>) method.invoke(schedule);
			assertThat(asked(collaborators)).as("%s asks for nothing when called", method).isZero();
			run.block(Duration.ofSeconds(10));
			int first = asked(collaborators);
			assertThat(first).as("%s works at its first run", method).isPositive();
			run.block(Duration.ofSeconds(10));
			assertThat(asked(collaborators)).as("%s works again at its second run", method).isGreaterThan(first);
		}
	}

	private static List<Method> scheduledMethods() {
		List<Method> methods = new ArrayList<>();
		for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("de.quartierdispatch")) {
			for (JavaMethod method : type.getMethods()) {
				if (method.isAnnotatedWith(Scheduled.class)) {
					assertThat(method.getRawReturnType().isEquivalentTo(Mono.class)).as("%s is reactive", method)
						.isTrue();
					methods.add(method.reflect());
				}
			}
		}
		return methods;
	}

	private static Object construct(Class<?> type, List<Object> collaborators) throws Exception {
		Constructor<?> constructor = type.getDeclaredConstructors()[0];
		Object[] arguments = new Object[constructor.getParameterCount()];
		for (int i = 0; i < arguments.length; i++) {
			Class<?> parameter = constructor.getParameterTypes()[i];
			arguments[i] = Clock.class.equals(parameter) ? Clock.systemUTC()
					: Mockito.mock(parameter, Mockito.withSettings().defaultAnswer(EMPTY_RESULTS));
			collaborators.add(arguments[i]);
		}
		constructor.setAccessible(true);
		return constructor.newInstance(arguments);
	}

	private static int asked(List<Object> collaborators) {
		return collaborators.stream()
			.filter((collaborator) -> Mockito.mockingDetails(collaborator).isMock())
			.mapToInt((collaborator) -> Mockito.mockingDetails(collaborator).getInvocations().size())
			.sum();
	}

}
