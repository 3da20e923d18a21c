package de.quartierdispatch.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who is responsible for residents' data and how long it is kept. The public form's
 * privacy notice (DSGVO Art. 13) is built from these values, so that it always says what
 * the system actually does. README.md explains the defaults.
 *
 * @param controller the controller's name and address, e.g. "Stadt Bottrop, Ordnungsamt,
 * ..."
 * @param dataProtectionOfficer how to reach the data protection officer
 * @param supervisoryAuthority where residents can complain
 * @param contactRetention contact details are erased this long after the incident is
 * closed
 * @param textRetention descriptions, addresses and notes are redacted (and locations
 * coarsened) this long after the incident is closed
 * @param boardEventRetention board events (which carry locations and team positions) are
 * pruned at this age; at least a day, so that boards can always catch up after a break
 * @param idempotencyRetention stored answers to submissions are kept this long for
 * retries
 * @param auditRetention audit log entries (who read whose data, what was changed) are
 * kept this long; at least a year, which the database enforces too
 * @param retentionSchedule when the retention job runs (cron, in the routing zone)
 */
@ConfigurationProperties("quartier.privacy")
record PrivacyProperties(@DefaultValue("Stadt Bottrop (Demo), Ernst-Wilczok-Platz 1, 46236 Bottrop") String controller,
		@DefaultValue("datenschutz@bottrop.example") String dataProtectionOfficer,
		@DefaultValue("Landesbeauftragte für Datenschutz und Informationsfreiheit NRW (LDI NRW)") String supervisoryAuthority,
		@DefaultValue("30d") Duration contactRetention, @DefaultValue("365d") Duration textRetention,
		@DefaultValue("14d") Duration boardEventRetention, @DefaultValue("7d") Duration idempotencyRetention,
		@DefaultValue("730d") Duration auditRetention, @DefaultValue("0 15 3 * * *") String retentionSchedule) {

	public PrivacyProperties {
		if (boardEventRetention.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException(
					"quartier.privacy.board-event-retention must be at least a day (boards catch up from the events)");
		}
		if (auditRetention.compareTo(Duration.ofDays(365)) < 0) {
			throw new IllegalArgumentException(
					"quartier.privacy.audit-retention must be at least a year (who read whose data must stay answerable)");
		}
		if (contactRetention.isNegative() || textRetention.isNegative() || idempotencyRetention.isNegative()) {
			throw new IllegalArgumentException("quartier.privacy retention periods cannot be negative");
		}
	}

}
