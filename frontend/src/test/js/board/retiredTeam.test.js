import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoardStore } from '../../../main/web/js/board/BoardStore.js';

const team = (changes) => ({ id: 7, name: 'KOD Streife Nord', teamType: 'KOD', status: 'AVAILABLE', active: true, ...changes });

test('a team retired by the administration leaves the board, and comes back when it returns', () => {
  const store = new BoardStore();
  store.load({ teamTypes: [], incidents: [], teams: [team()] });
  const changes = [];
  store.addEventListener('change', (event) => changes.push(event.detail.team));

  store.apply({ type: 'TEAM_CHANGED', data: { team: team({ status: 'OFF_DUTY', active: false }) } });
  assert.equal(store.teams.has(7), false);
  assert.equal(changes.length, 1, 'the views are told, to draw the team away');

  store.apply({ type: 'TEAM_CHANGED', data: { team: team({ status: 'OFF_DUTY' }) } });
  assert.equal(store.teams.get(7).status, 'OFF_DUTY');
});

test('a summary written before teams could retire (no "active") keeps the team', () => {
  const store = new BoardStore();
  store.load({ teamTypes: [], incidents: [], teams: [] });
  const { active, ...older } = team();
  assert.equal(active, true);
  store.apply({ type: 'TEAM_STATUS_CHANGED', data: { team: older } });
  assert.equal(store.teams.has(7), true);
});
