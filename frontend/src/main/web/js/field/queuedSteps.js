/** The team's status after a step, as the server sets it: on its way, on site, or free again. */
const TEAM_STATUS_AFTER = { EN_ROUTE: 'EN_ROUTE', ON_SITE: 'ON_SITE' };

/**
 * The list as it will be once the waiting steps have arrived: each queued step moves its
 * assignment on (state, and the version the server will give it), so the member sees what
 * they did, also offline (queued photos do not move it). The team's status follows the last
 * step, as the server will set it: a job finished offline leaves the team available, not
 * still "on its way". Pure function, the saved list is not changed.
 */
export function withQueuedSteps(document, steps) {
  const moves = steps.filter((step) => step.kind !== 'photo');
  if (!moves.length) {
    return document;
  }
  const assignments = document.assignments.map((assignment) => {
    const mine = moves.filter((step) => step.assignmentId === assignment.id);
    if (!mine.length) {
      return assignment;
    }
    const last = mine[mine.length - 1];
    return { ...assignment, state: last.body.state, version: last.body.version + 1 };
  });
  const status = TEAM_STATUS_AFTER[moves[moves.length - 1].body.state] ?? 'AVAILABLE';
  const team = { ...document.team, status, assigned: assignments.some((assignment) => assignment.state === 'ASSIGNED') };
  return { ...document, team, assignments };
}
