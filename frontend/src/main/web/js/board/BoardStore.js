/**
 * What the board knows: open incidents and teams, kept current by applying events in order.
 * An event carries the incident's (or team's) summary as of that change, so applying it is a
 * replacement, never a merge; a summary older than what is known is ignored.
 */
const ACTIVE = new Set(['OPEN', 'DISPATCHED', 'ON_SITE']);

export class BoardStore extends EventTarget {

  constructor() {
    super();
    this.incidents = new Map();
    this.teams = new Map();
    this.teamTypes = [];
  }

  load(snapshot) {
    this.teamTypes = snapshot.teamTypes;
    this.incidents = new Map(snapshot.incidents.map((incident) => [incident.id, this.asShown(incident)]));
    this.teams = new Map(snapshot.teams.map((team) => [team.id, team]));
    this.dispatchEvent(new CustomEvent('reset'));
  }

  /** The incident as the board shows it (see withoutDeadlineIfOffered). */
  asShown(incident) {
    return withoutDeadlineIfOffered(incident, this.teamTypes);
  }

  apply(event) {
    const incident = event.data?.incident;
    const team = event.data?.team;
    let changedIncident = null;
    if (incident) {
      const known = this.incidents.get(incident.id);
      if (!known || known.version <= incident.version) {
        if (ACTIVE.has(incident.state)) {
          this.incidents.set(incident.id, this.asShown(incident));
        }
        else {
          this.incidents.delete(incident.id);
        }
        changedIncident = incident;
      }
    }
    if (team) {
      this.teams.set(team.id, team);
    }
    this.dispatchEvent(new CustomEvent('change', { detail: { event, incident: changedIncident, team } }));
  }

  /** Open incidents, most urgent first: priority, then deadline. */
  queue(filter = () => true) {
    return [...this.incidents.values()].filter(filter).sort((a, b) =>
      (a.priority - b.priority) || (Date.parse(a.deadline) - Date.parse(b.deadline)) || (a.id - b.id));
  }

  teamName(id) {
    return this.teams.get(id)?.name ?? `#${id}`;
  }

}

/**
 * An incident only for team types that work voluntarily (street work, outreach: assignments are
 * offers) as the board shows it: without deadline or overdue mark. Its rule's target time still
 * runs on the server; if the rule raises the priority when nobody took the offer up, the board
 * shows the new priority.
 */
export function withoutDeadlineIfOffered(incident, teamTypes) {
  const voluntary = new Set((teamTypes ?? []).filter((type) => type.voluntary).map((type) => type.code));
  const offered = incident.teamTypes?.length > 0 && incident.teamTypes.every((code) => voluntary.has(code));
  return offered ? { ...incident, deadline: null, overdue: false } : incident;
}

export function isOverdue(incident, now = Date.now()) {
  return incident.overdue || (incident.deadline && Date.parse(incident.deadline) < now && incident.state !== 'ON_SITE');
}
