package de.quartierdispatch.system;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the pages need to know about this installation: map, languages and what each
 * feature contributes as {@link PublicSettings}.
 */
@RestController
class ConfigController {

	private final MapProperties map;

	private final List<PublicSettings> contributions;

	ConfigController(MapProperties map, ObjectProvider<PublicSettings> contributions) {
		this.map = map;
		this.contributions = contributions.orderedStream().toList();
	}

	@GetMapping("/api/config")
	Map<String, Object> config() {
		List<LanguageView> languages = Arrays.stream(Language.values())
			.map((language) -> new LanguageView(language.code(), language.rightToLeft()))
			.toList();
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("map", this.map);
		config.put("languages", languages);
		this.contributions.forEach((contribution) -> config.put(contribution.name(), contribution.settings()));
		return config;
	}

	record LanguageView(String code, boolean rightToLeft) {
	}

}
