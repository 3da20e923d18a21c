package de.quartierdispatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the code easy to see: modules show a small public API (at most a third of the
 * main types are public) and no main class grows past what one reader takes in at once.
 */
class CodeShapeTests {

	private static final int MAX_LINES = 250;

	private static final Path MAIN_SOURCES = Path.of("src/main/java");

	@Test
	void atMostAThirdOfTheMainTypesArePublic() {
		JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("de.quartierdispatch");
		List<JavaClass> types = main.stream()
			.filter(JavaClass::isTopLevelClass)
			.filter((type) -> !type.getSimpleName().equals("package-info"))
			.toList();
		List<String> publicTypes = types.stream()
			.filter((type) -> type.getModifiers().contains(JavaModifier.PUBLIC))
			.map(JavaClass::getName)
			.sorted()
			.toList();
		assertThat(publicTypes.size() * 3).as("public main types %s of %d", publicTypes, types.size())
			.isLessThanOrEqualTo(types.size());
	}

	@Test
	void noMainClassIsLongerThanTwoHundredFiftyLines() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
			List<String> tooLong = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> lines(file) > MAX_LINES)
				.map((file) -> MAIN_SOURCES.relativize(file) + " (" + lines(file) + " lines)")
				.sorted()
				.toList();
			assertThat(tooLong).as("main classes over %d lines", MAX_LINES).isEmpty();
		}
	}

	private static long lines(Path file) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
