package de.quartierdispatch.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * A page's own share of a language's translations: the keys that start with one of the
 * prefixes {@code static/i18n/pages.json} lists for it. A phone on a slow network loading
 * {@code /field} needs about a tenth of the whole German dictionary, which is otherwise
 * the biggest file on its way. Built once at start-up from the files the pages use
 * anyway, so the two cannot drift apart.
 */
@Component
class PageDictionaries {

	private static final String PAGES = "classpath:static/i18n/pages.json";

	private final Map<String, Dictionary> dictionaries = new LinkedHashMap<>();

	PageDictionaries(ResourceLoader resources, JsonMapper json) {
		Map<String, List<String>> pages = read(resources.getResource(PAGES), json, new TypeReference<>() {
		});
		for (Language language : Language.values()) {
			Resource file = resources.getResource("classpath:static/i18n/" + language.code() + ".json");
			if (!file.exists()) {
				continue;
			}
			Map<String, Object> whole = read(file, json, new TypeReference<>() {
			});
			pages.forEach((page, prefixes) -> this.dictionaries.put(page + "/" + language.code(),
					Dictionary.of(json.writeValueAsBytes(share(whole, prefixes)))));
		}
	}

	/** The page's dictionary in the language, if there are both. */
	Optional<Dictionary> find(String page, String language) {
		return Optional.ofNullable(this.dictionaries.get(page + "/" + language));
	}

	private static Map<String, Object> share(Map<String, Object> whole, List<String> prefixes) {
		Map<String, Object> share = new LinkedHashMap<>();
		whole.forEach((key, text) -> {
			if (prefixes.stream().anyMatch(key::startsWith)) {
				share.put(key, text);
			}
		});
		return share;
	}

	private static <T> T read(Resource resource, JsonMapper json, TypeReference<T> type) {
		try (InputStream in = resource.getInputStream()) {
			return json.readValue(in, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	/**
	 * A dictionary as sent, with the entity tag that lets a browser keep it: weak, as the
	 * server sends it compressed or not.
	 */
	record Dictionary(byte[] json, String etag) {

		static Dictionary of(byte[] json) {
			return new Dictionary(json, "W/\"" + DigestUtils.md5DigestAsHex(json) + "\"");
		}

	}

}
