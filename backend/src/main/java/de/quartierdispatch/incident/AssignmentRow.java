package de.quartierdispatch.incident;

/**
 * An assignment as the lifecycle needs it, read under a row lock.
 *
 * @param id the assignment
 * @param incidentId its incident
 * @param teamId its team
 * @param state where it stands
 * @param version its optimistic-locking version
 */
record AssignmentRow(long id, long incidentId, long teamId, AssignmentState state, int version) {
}
