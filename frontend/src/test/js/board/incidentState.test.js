import { test } from 'node:test';
import assert from 'node:assert/strict';
import { awaitsDecision, stateKey } from '../../../main/web/js/board/incidentState.js';

const incident = (state, ...assignments) => ({ state, assignments: assignments.map((assigned) => ({ state: assigned })) });

test('an incident whose teams have all finished awaits the lead\'s decision', () => {
  assert.equal(awaitsDecision(incident('ON_SITE', 'DONE')), true);
  assert.equal(awaitsDecision(incident('ON_SITE', 'DONE', 'DECLINED')), true);
  assert.equal(stateKey(incident('ON_SITE', 'DONE')), 'board.awaitsDecision');
});

test('while any team is still assigned, on its way or on site, the state is the incident\'s own', () => {
  for (const working of ['ASSIGNED', 'EN_ROUTE', 'ON_SITE']) {
    assert.equal(awaitsDecision(incident('ON_SITE', 'DONE', working)), false, working);
  }
  assert.equal(stateKey(incident('DISPATCHED', 'ASSIGNED')), 'state.DISPATCHED');
});

test('no finished team, or none sent at all, is not a decision due', () => {
  assert.equal(awaitsDecision(incident('OPEN')), false);
  assert.equal(awaitsDecision(incident('OPEN', 'DECLINED')), false);
  assert.equal(awaitsDecision({ state: 'DISPATCHED' }), false);
  assert.equal(stateKey(incident('OPEN')), 'state.OPEN');
});

test('a decided incident is named by its own state, however its teams ended', () => {
  for (const decided of ['RESOLVED', 'REFERRED', 'CLOSED']) {
    assert.equal(awaitsDecision(incident(decided, 'DONE')), false, decided);
    assert.equal(stateKey(incident(decided, 'DONE')), `state.${decided}`);
  }
});
