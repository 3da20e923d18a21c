package de.quartierdispatch.incident;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An incident as the lifecycle needs it, read under a row lock.
 *
 * @param id the incident
 * @param version its optimistic-locking version
 * @param state its state
 * @param priority 1 (highest) to 4
 * @param quarterId its quarter, if any
 * @param teamTypes the team types it was routed to
 */
record IncidentRow(long id, int version, IncidentState state, int priority, @Nullable Long quarterId,
		List<String> teamTypes) {
}
