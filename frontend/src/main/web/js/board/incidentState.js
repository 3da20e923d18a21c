/**
 * How the board names an incident's state. The incident keeps the state its teams gave it until
 * a lead decides the outcome (Lifecycle.java): once every team sent has finished, "on site"
 * would tell the lead that someone is still there, so the board says that the decision is due.
 */
const WORKING = new Set(['ASSIGNED', 'EN_ROUTE', 'ON_SITE']);

/** Whether the teams are through (one finished, none still working) and the outcome is the lead's to decide. */
export function awaitsDecision(incident) {
  const assignments = incident.assignments ?? [];
  return ['DISPATCHED', 'ON_SITE'].includes(incident.state)
    && assignments.some((assignment) => assignment.state === 'DONE')
    && !assignments.some((assignment) => WORKING.has(assignment.state));
}

/** The translation key of the state as the board shows it. */
export function stateKey(incident) {
  return awaitsDecision(incident) ? 'board.awaitsDecision' : `state.${incident.state}`;
}
