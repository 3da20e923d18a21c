package de.quartierdispatch.privacy;

import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * Personal data another feature keeps (e.g. referrals), removed by the retention job in
 * its transaction, with the same periods: features contribute beans of this type, the
 * dependency points from the feature to privacy.
 */
public interface RetentionStep {

	/**
	 * Removes what has lapsed.
	 * @param cutoffs the run's time and what has lapsed by the configured periods
	 * @return what was removed, by name, for the run's audit row and report
	 */
	Mono<Map<String, Long>> removeLapsed(RetentionCutoffs cutoffs);

}
