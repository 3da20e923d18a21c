import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoardStore, byUrgency } from '../../../main/web/js/board/BoardStore.js';

const TEAM_TYPES = [{ code: 'KOD', voluntary: false }, { code: 'STREETWORK', voluntary: true }];
const STATES = ['OPEN', 'DISPATCHED', 'ON_SITE', 'CLOSED'];

/** A deterministic pseudo-random sequence, so that a failure can be replayed. */
function random(seed) {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

function incident(next, id, version) {
  return {
    id, version, priority: 1 + next(4), state: STATES[next(STATES.length)],
    deadline: next(5) === 0 ? null : new Date(Date.UTC(2026, 11, 1, 20, next(120))).toISOString(),
    teamTypes: [next(3) === 0 ? 'STREETWORK' : 'KOD'],
  };
}

test('the queue kept sorted event by event equals the queue sorted afresh', () => {
  const next = random(42);
  const store = new BoardStore();
  const versions = new Map();
  const initial = Array.from({ length: 300 }, (_, i) => incident(next, i + 1, 1)).filter((one) => one.state !== 'CLOSED');
  initial.forEach((one) => versions.set(one.id, 1));
  store.load({ teamTypes: TEAM_TYPES, incidents: initial, teams: [] });
  store.queue();
  for (let i = 0; i < 3000; i++) {
    const id = 1 + next(400);
    const version = (versions.get(id) ?? 0) + (next(10) === 0 ? 0 : 1);
    versions.set(id, version);
    store.apply({ type: 'INCIDENT_UPDATED', data: { incident: incident(next, id, version) } });
    if (i % 250 === 0) {
      assert.deepEqual(store.queue().map((one) => one.id), [...store.incidents.values()].sort(byUrgency).map((one) => one.id));
    }
  }
  const kept = store.queue();
  assert.deepEqual(kept.map((one) => one.id), [...store.incidents.values()].sort(byUrgency).map((one) => one.id));
  assert.equal(kept.length, store.incidents.size, 'nothing lost or doubled');
});

test('most urgent first: priority, then deadline with none last, then the older incident', () => {
  const at = (minute) => new Date(Date.UTC(2026, 11, 1, 20, minute)).toISOString();
  const order = [
    { id: 5, priority: 2, deadline: at(10) }, { id: 4, priority: 1, deadline: null }, { id: 3, priority: 1, deadline: at(30) },
    { id: 2, priority: 1, deadline: at(30) }, { id: 1, priority: 1, deadline: at(5) },
  ].sort(byUrgency);
  assert.deepEqual(order.map((one) => one.id), [1, 2, 3, 4, 5]);
});

test('a filter lets through only its incidents, in the same order', () => {
  const store = new BoardStore();
  store.load({ teamTypes: TEAM_TYPES, teams: [], incidents: [
    { id: 1, version: 1, priority: 2, state: 'OPEN', deadline: null, teamTypes: ['KOD'] },
    { id: 2, version: 1, priority: 1, state: 'ON_SITE', deadline: null, teamTypes: ['KOD'] },
    { id: 3, version: 1, priority: 1, state: 'OPEN', deadline: null, teamTypes: ['KOD'] },
  ] });
  assert.deepEqual(store.queue((one) => one.state === 'OPEN').map((one) => one.id), [3, 1]);
});
