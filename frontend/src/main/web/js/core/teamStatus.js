/**
 * The translation key of the status a team shows: its own, except that a team sent out and not
 * yet on its way is "assigned", not "available" (the server tells with `assigned`).
 */
export function teamStatusKey(team) {
  return (team.status === 'AVAILABLE' && team.assigned) ? 'team.ASSIGNED' : `team.${team.status}`;
}

/** The class that colours a team's status: as its key says. */
export function teamStatusClass(team) {
  return `status-${teamStatusKey(team).slice('team.'.length).toLowerCase()}`;
}
