package de.quartierdispatch.incident;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * An incident's end as decided.
 *
 * @param id the incident
 * @param version its version
 * @param state its state
 * @param quarterId its quarter
 * @param outcome how it ended, if it did
 * @param decidedBy who decided ({@code staff:<id>}), if a lead did
 * @param closedAt when
 * @param merged whether it ended as a duplicate merged into another incident
 */
record Decided(long id, int version, IncidentState state, @Nullable Long quarterId, @Nullable String outcome,
		@Nullable String decidedBy, @Nullable OffsetDateTime closedAt, boolean merged) {
}
