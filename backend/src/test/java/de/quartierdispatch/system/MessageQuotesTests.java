package de.quartierdispatch.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message with values is read by {@link java.text.MessageFormat}, where a single
 * apostrophe starts a quoted stretch: "the city's quarters in EPSG:{1}" lost its value
 * and its apostrophe. In such messages an apostrophe is written twice.
 */
class MessageQuotesTests {

	private static final Pattern VALUE = Pattern.compile("\\{\\d");

	private static final Pattern SINGLE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

	@Test
	void everyApostropheOfAMessageWithValuesIsWrittenTwice() throws IOException {
		List<String> quoted = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
			for (Path file : files.filter((path) -> path.getFileName().toString().endsWith(".properties")).toList()) {
				Properties messages = new Properties();
				try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					messages.load(reader);
				}
				messages.forEach((key, text) -> {
					if (VALUE.matcher((String) text).find() && SINGLE_APOSTROPHE.matcher((String) text).find()) {
						quoted.add(file.getFileName() + ": " + key);
					}
				});
			}
		}
		assertThat(quoted).isEmpty();
	}

}
