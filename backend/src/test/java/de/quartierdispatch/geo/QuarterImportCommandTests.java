package de.quartierdispatch.geo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.quartierdispatch.QuartierDispatchApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar's command-line mode, started the way {@code java -jar ... import-quarters}
 * starts it: no web server, migrations, import, exit code.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuarterImportCommandTests {

	@Test
	void importsAFileFromTheCommandLineAndReportsProgress(CapturedOutput output, @TempDir Path directory)
			throws IOException {
		Path file = directory.resolve("duisburg.geojson");
		Files.write(file,
				new ClassPathResource("quarters/duisburg-stadtbezirke-ortsteile-osm.geojson").getContentAsByteArray());
		int exitCode = run("import-quarters", "--file=" + file, "--code-property=code", "--name-property=name");
		assertThat(exitCode).isZero();
		assertThat(output).contains("100%  35 features")
			.containsPattern("Imported: \\d+ created, \\d+ updated, \\d+ unchanged");
	}

	@Test
	void exitsWith1AndNamesTheFeatureWhenTheFileIsRejected(CapturedOutput output, @TempDir Path directory)
			throws IOException {
		Path file = directory.resolve("broken.geojson");
		Files.writeString(file, QuarterImportIntegrationTests
			.featureCollection(QuarterImportIntegrationTests.feature("C-1", "Line", "[[[7.5,50.0],[7.51,50.0]]]")));
		int exitCode = run("import-quarters", "--file=" + file, "--code-property=code", "--name-property=name");
		assertThat(exitCode).isEqualTo(1);
		assertThat(output).contains("feature 1 (code \"C-1\", name \"Line\"): broken polygon")
			.contains("Nothing was imported");
	}

	@Test
	void exitsWith2AndExplainsUsageWhenPropertiesAreNotNamed(CapturedOutput output) {
		int exitCode = run("import-quarters", "--file=whatever.geojson");
		assertThat(exitCode).isEqualTo(2);
		assertThat(output).contains("Usage: java -jar quartier-dispatch.jar import-quarters");
	}

	private static int run(String... args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(QuartierDispatchApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.profiles.active=test")
			.run(args);
		return SpringApplication.exit(context);
	}

}
