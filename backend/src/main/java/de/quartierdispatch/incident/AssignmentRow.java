package de.quartierdispatch.incident;

import java.time.OffsetDateTime;

/**
 * An assignment as the lifecycle needs it, read under a row lock.
 *
 * @param id the assignment
 * @param incidentId its incident
 * @param teamId its team
 * @param state where it stands
 * @param version its optimistic-locking version
 * @param updatedAt when it took its last step
 */
record AssignmentRow(long id, long incidentId, long teamId, AssignmentState state, int version,
		OffsetDateTime updatedAt) {
}
