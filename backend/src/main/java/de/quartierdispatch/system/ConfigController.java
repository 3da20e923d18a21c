package de.quartierdispatch.system;

import java.util.Arrays;
import java.util.List;

import de.quartierdispatch.privacy.PrivacyProperties;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the pages need to know about this installation: map, languages.
 */
@RestController
class ConfigController {

	private final MapProperties map;

	private final PrivacyProperties privacy;

	ConfigController(MapProperties map, PrivacyProperties privacy) {
		this.map = map;
		this.privacy = privacy;
	}

	@GetMapping("/api/config")
	PublicConfig config() {
		List<LanguageView> languages = Arrays.stream(Language.values())
			.map((language) -> new LanguageView(language.code(), language.rightToLeft()))
			.toList();
		PrivacyView privacy = new PrivacyView(this.privacy.controller(), this.privacy.dataProtectionOfficer(),
				this.privacy.supervisoryAuthority(), this.privacy.contactRetention().toDays(),
				this.privacy.textRetention().toDays());
		return new PublicConfig(this.map, languages, privacy);
	}

	record PublicConfig(MapProperties map, List<LanguageView> languages, PrivacyView privacy) {
	}

	record PrivacyView(String controller, String dataProtectionOfficer, String supervisoryAuthority,
			long contactRetentionDays, long textRetentionDays) {
	}

	record LanguageView(String code, boolean rightToLeft) {
	}

}
