/**
 * Anonymised statistics for analysts: counts by category, quarter, channel, language,
 * month and outcome, and how long incidents took. Counts below a minimum are suppressed,
 * so that no small group points at a person.
 */
@NullMarked
package de.quartierdispatch.stats;

import org.jspecify.annotations.NullMarked;
