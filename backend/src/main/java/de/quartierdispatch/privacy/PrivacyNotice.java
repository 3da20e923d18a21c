package de.quartierdispatch.privacy;

import de.quartierdispatch.system.PublicSettings;

import org.springframework.stereotype.Component;

/**
 * The facts of the public form's privacy notice (DSGVO Art. 13), published under
 * {@code privacy} in {@code GET /api/config}.
 */
@Component
class PrivacyNotice implements PublicSettings {

	private final PrivacyProperties privacy;

	PrivacyNotice(PrivacyProperties privacy) {
		this.privacy = privacy;
	}

	@Override
	public String name() {
		return "privacy";
	}

	@Override
	public Object settings() {
		return new PrivacyView(this.privacy.controller(), this.privacy.dataProtectionOfficer(),
				this.privacy.supervisoryAuthority(), this.privacy.contactRetention().toDays(),
				this.privacy.textRetention().toDays(), this.privacy.auditRetention().toDays());
	}

	record PrivacyView(String controller, String dataProtectionOfficer, String supervisoryAuthority,
			long contactRetentionDays, long textRetentionDays, long auditRetentionDays) {
	}

}
