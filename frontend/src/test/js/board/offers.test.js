import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutDeadlineIfOffered } from '../../../main/web/js/board/BoardStore.js';

const TEAM_TYPES = [{ code: 'KOD', voluntary: false }, { code: 'STREETWORK', voluntary: true }, { code: 'OUTREACH', voluntary: true }];

test('an incident only for voluntary team types is shown without deadline or overdue mark', () => {
  const incident = { id: 1, teamTypes: ['STREETWORK', 'OUTREACH'], deadline: '2026-12-01T20:00:00Z', overdue: true, priority: 1 };
  assert.deepEqual(withoutDeadlineIfOffered(incident, TEAM_TYPES), { ...incident, deadline: null, overdue: false });
  assert.equal(incident.deadline, '2026-12-01T20:00:00Z', 'the incident as received stays as it is');
});

test('a mixed team with the KOD keeps its deadline, and so does an incident without team types', () => {
  const mixed = { id: 2, teamTypes: ['STREETWORK', 'KOD'], deadline: '2026-12-01T20:00:00Z', overdue: true };
  assert.equal(withoutDeadlineIfOffered(mixed, TEAM_TYPES), mixed);
  const none = { id: 3, teamTypes: [], deadline: '2026-12-01T20:00:00Z' };
  assert.equal(withoutDeadlineIfOffered(none, TEAM_TYPES), none);
});
