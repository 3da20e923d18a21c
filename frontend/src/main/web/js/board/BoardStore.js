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
    // The codes of the team types that work voluntarily, known once per snapshot (asked for each incident).
    this._voluntary = new Set();
    // The open incidents, most urgent first: sorted once, then kept sorted event by event
    // (a live event moves one incident; sorting 10,000 again for it would cost the board a frame).
    this._order = null;
  }

  load(snapshot) {
    this.teamTypes = snapshot.teamTypes;
    this._voluntary = voluntaryCodes(this.teamTypes);
    this.incidents = new Map(snapshot.incidents.map((incident) => [incident.id, this.asShown(incident)]));
    this.teams = new Map(snapshot.teams.map((team) => [team.id, team]));
    this._order = null;
    this.dispatchEvent(new CustomEvent('reset'));
  }

  /** The incident as the board shows it (see withoutDeadlineIfOffered). */
  asShown(incident) {
    return withoutDeadlineIfOfferedBy(incident, this._voluntary);
  }

  apply(event) {
    const incident = event.data?.incident;
    const team = event.data?.team;
    let changedIncident = null;
    if (incident) {
      const known = this.incidents.get(incident.id);
      if (!known || known.version <= incident.version) {
        if (known) {
          this._unqueue(known);
        }
        if (ACTIVE.has(incident.state)) {
          const shown = this.asShown(incident);
          this.incidents.set(incident.id, shown);
          this._enqueue(shown);
        }
        else {
          this.incidents.delete(incident.id);
        }
        changedIncident = incident;
      }
    }
    if (team?.active === false) {
      // Retired by the administration: no longer on the board.
      this.teams.delete(team.id);
    }
    else if (team) {
      this.teams.set(team.id, team);
    }
    this.dispatchEvent(new CustomEvent('change', { detail: { event, incident: changedIncident, team } }));
  }

  /** Open incidents, most urgent first (see byUrgency), those the filter lets through. */
  queue(filter = null) {
    this._order ??= [...this.incidents.values()].sort(byUrgency);
    return filter ? this._order.filter(filter) : [...this._order];
  }

  _enqueue(incident) {
    if (this._order) {
      this._order.splice(placeInOrder(this._order, incident), 0, incident);
    }
  }

  _unqueue(incident) {
    // A summary never changes once stored, so it is where its urgency puts it.
    const at = this._order ? placeInOrder(this._order, incident) : -1;
    if (at >= 0 && this._order[at] === incident) {
      this._order.splice(at, 1);
    }
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
/** Most urgent first: priority, then deadline (none last), then the older incident. */
export function byUrgency(a, b) {
  return (a.priority - b.priority) || (due(a) - due(b)) || (a.id - b.id);
}

const DUE = new WeakMap();

/** The deadline in milliseconds, parsed once per incident summary. */
function due(incident) {
  let millis = DUE.get(incident);
  if (millis === undefined) {
    millis = incident.deadline ? Date.parse(incident.deadline) : Number.POSITIVE_INFINITY;
    millis = Number.isNaN(millis) ? Number.POSITIVE_INFINITY : millis;
    DUE.set(incident, millis);
  }
  return millis;
}

/** Where the incident belongs in a list sorted byUrgency: the first place not before it. */
function placeInOrder(order, incident) {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byUrgency(order[middle], incident) < 0) {
      low = middle + 1;
    }
    else {
      high = middle;
    }
  }
  return low;
}

export function withoutDeadlineIfOffered(incident, teamTypes) {
  return withoutDeadlineIfOfferedBy(incident, voluntaryCodes(teamTypes));
}

/** @param voluntary the codes of the team types that work voluntarily (voluntaryCodes) */
function withoutDeadlineIfOfferedBy(incident, voluntary) {
  const offered = incident.teamTypes?.length > 0 && incident.teamTypes.every((code) => voluntary.has(code));
  return offered ? { ...incident, deadline: null, overdue: false } : incident;
}

function voluntaryCodes(teamTypes) {
  return new Set((teamTypes ?? []).filter((type) => type.voluntary).map((type) => type.code));
}

export function isOverdue(incident, now = Date.now()) {
  return incident.overdue || (incident.deadline && Date.parse(incident.deadline) < now && incident.state !== 'ON_SITE');
}
