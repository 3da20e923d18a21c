package de.quartierdispatch.privacy;

import java.time.OffsetDateTime;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Personal data another feature keeps about a report's case (e.g. a referral made from
 * its incident), erased with the report on a resident's request, in the same transaction:
 * features contribute beans of this type, the dependency points from the feature to
 * privacy, as for {@link RetentionStep}.
 */
public interface ErasureStep {

	/**
	 * Erases what this feature keeps about the case.
	 * @param report the report whose erasure was asked for
	 * @param now the request's time
	 * @return what was erased, by name, for the erasure's audit row
	 */
	Mono<Map<String, Long>> erase(ErasedReport report, OffsetDateTime now);

	/**
	 * A report being erased, with the contact details it had, by which a feature finds
	 * where staff wrote them again.
	 *
	 * @param reportId the report
	 * @param incidentId its incident
	 * @param caseContinues other reporters' reports keep the case: what belongs to the
	 * case rather than to this report stays, for retention to remove
	 * @param email the reporter's e-mail address, if they gave one
	 * @param phone the reporter's phone number, if they gave one
	 */
	record ErasedReport(long reportId, long incidentId, boolean caseContinues, @Nullable String email,
			@Nullable String phone) {

		@Override
		public String toString() {
			// Contact details stay out of logs, whoever prints this.
			return "ErasedReport[reportId=" + this.reportId + ", incidentId=" + this.incidentId + ", caseContinues="
					+ this.caseContinues + "]";
		}

	}

}
