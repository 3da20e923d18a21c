import { test } from 'node:test';
import assert from 'node:assert/strict';
import { teamStatusClass, teamStatusKey } from '../../../main/web/js/core/teamStatus.js';

test('a team sent out and not yet on its way shows as assigned, not available', () => {
  assert.equal(teamStatusKey({ status: 'AVAILABLE', assigned: true }), 'team.ASSIGNED');
  assert.equal(teamStatusClass({ status: 'AVAILABLE', assigned: true }), 'status-assigned');
});

test('otherwise a team shows its own status', () => {
  assert.equal(teamStatusKey({ status: 'AVAILABLE', assigned: false }), 'team.AVAILABLE');
  assert.equal(teamStatusKey({ status: 'AVAILABLE' }), 'team.AVAILABLE');
  assert.equal(teamStatusKey({ status: 'EN_ROUTE', assigned: false }), 'team.EN_ROUTE');
  assert.equal(teamStatusClass({ status: 'OFF_DUTY' }), 'status-off_duty');
});
