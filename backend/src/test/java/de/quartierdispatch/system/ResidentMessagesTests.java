package de.quartierdispatch.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a resident can see of the server's texts (problems, outcomes, mail) is in every
 * resident language: the bundles of the languages only residents use hold the same keys,
 * English and German hold them too, none is blank, and each takes the arguments the
 * English text takes (a missing {@code {0}} would drop a tracking code from a mail).
 */
class ResidentMessagesTests {

	private static final List<String> RESIDENT_ONLY = List.of("ar", "bg", "fa", "ro", "tr", "uk");

	@Test
	void everyResidentTextIsInEveryLanguageWithTheSameArguments() throws IOException {
		Properties english = bundle("messages.properties");
		Properties german = bundle("messages_de.properties");
		Set<String> keys = new TreeSet<>(bundle("messages_ar.properties").stringPropertyNames());
		assertThat(keys).contains("problem.photo-too-large.title", "outcome.RESOLVED", "mail.CONFIRMATION.subject");
		for (String language : RESIDENT_ONLY) {
			Properties texts = bundle("messages_" + language + ".properties");
			assertThat(texts.stringPropertyNames()).as(language).containsExactlyInAnyOrderElementsOf(keys);
			for (String key : keys) {
				assertThat(texts.getProperty(key)).as("%s in %s", key, language).isNotBlank();
				assertThat(arguments(texts.getProperty(key))).as("arguments of %s in %s", key, language)
					.isEqualTo(arguments(english.getProperty(key)));
			}
		}
		for (String key : keys) {
			assertThat(english.getProperty(key)).as("%s in English", key).isNotBlank();
			assertThat(german.getProperty(key)).as("%s in German", key).isNotBlank();
			assertThat(arguments(german.getProperty(key))).as("arguments of %s in German", key)
				.isEqualTo(arguments(english.getProperty(key)));
		}
	}

	private static int arguments(String text) {
		return new MessageFormat(text).getFormatsByArgumentIndex().length;
	}

	private static Properties bundle(String file) throws IOException {
		return PropertiesLoaderUtils
			.loadProperties(new EncodedResource(new ClassPathResource(file), StandardCharsets.UTF_8));
	}

}
