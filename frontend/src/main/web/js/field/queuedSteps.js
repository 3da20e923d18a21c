/**
 * The list as it will be once the waiting steps have arrived: each queued step moves its
 * assignment on (state, and the version the server will give it), so the member sees what
 * they did, also offline (queued photos do not move it). Pure function, the saved list is not changed.
 */
export function withQueuedSteps(document, steps) {
  const assignments = document.assignments.map((assignment) => {
    const mine = steps.filter((step) => step.assignmentId === assignment.id && step.kind !== 'photo');
    if (!mine.length) {
      return assignment;
    }
    const last = mine[mine.length - 1];
    return { ...assignment, state: last.body.state, version: last.body.version + 1 };
  });
  return { ...document, assignments };
}
