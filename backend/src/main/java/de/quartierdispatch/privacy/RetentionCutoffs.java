package de.quartierdispatch.privacy;

import java.time.Instant;

/**
 * The moments one retention run works with, from the configured periods: what was closed
 * before {@code contactsBefore} loses its contact details, what was closed before
 * {@code textsBefore} its free text.
 *
 * @param now the run's time
 * @param contactsBefore contact details of what was closed before this are erased
 * @param textsBefore texts and notes of what was closed before this are redacted
 */
public record RetentionCutoffs(Instant now, Instant contactsBefore, Instant textsBefore) {
}
