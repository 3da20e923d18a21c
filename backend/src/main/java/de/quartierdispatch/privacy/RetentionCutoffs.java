package de.quartierdispatch.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The moments one retention run works with, from the configured periods: what was closed
 * before {@code contactsBefore} loses its contact details, what was closed before
 * {@code textsBefore} its free text; audit entries written, and accounts disabled, before
 * {@code auditBefore} go.
 *
 * @param now the run's time
 * @param contactsBefore contact details of what was closed before this are erased
 * @param textsBefore texts and notes of what was closed before this are redacted
 * @param auditBefore audit entries written before this are pruned, accounts disabled (and
 * untouched) since before this lose their names
 */
public record RetentionCutoffs(Instant now, Instant contactsBefore, Instant textsBefore, Instant auditBefore) {

	/** The run's time, as a statement binds it. */
	public OffsetDateTime nowUtc() {
		return utc(this.now);
	}

	/** {@code contactsBefore}, as a statement binds it. */
	public OffsetDateTime contactsCutoff() {
		return utc(this.contactsBefore);
	}

	/** {@code textsBefore}, as a statement binds it. */
	public OffsetDateTime textsCutoff() {
		return utc(this.textsBefore);
	}

	/** {@code auditBefore}, as a statement binds it. */
	public OffsetDateTime auditCutoff() {
		return utc(this.auditBefore);
	}

	/** The moment a period before the run's time, as a statement binds it. */
	public OffsetDateTime before(Duration period) {
		return utc(this.now.minus(period));
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
