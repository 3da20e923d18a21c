package de.quartierdispatch.privacy;

import java.time.OffsetDateTime;
import java.util.Map;

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
	 * @param reportId the report whose erasure was asked for
	 * @param incidentId its incident
	 * @param caseContinues other reporters' reports keep the case: what belongs to the
	 * case rather than to this report stays, for retention to remove
	 * @param now the request's time
	 * @return what was erased, by name, for the erasure's audit row
	 */
	Mono<Map<String, Long>> erase(long reportId, long incidentId, boolean caseContinues, OffsetDateTime now);

}
