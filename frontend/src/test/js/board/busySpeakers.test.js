import { test } from 'node:test';
import assert from 'node:assert/strict';
import { busySpeakers } from '../../../main/web/js/board/busySpeakers.js';

const incident = { teamTypes: ['KOD', 'STREETWORK'] };
const arabic = [{ language: 'ar' }, { language: 'de' }];
const teams = [
  { id: 1, name: 'KOD Mitte', teamType: 'KOD', languages: ['tr'], status: 'AVAILABLE' },
  { id: 2, name: 'KOD Süd', teamType: 'KOD', languages: ['ar', 'en'], status: 'ON_SITE' },
  { id: 3, name: 'Quartiersmanagement', teamType: 'QUARTER_MANAGEMENT', languages: ['ar'], status: 'AVAILABLE' },
  { id: 4, name: 'Streetwork Ost', teamType: 'STREETWORK', languages: ['ar'], status: 'OFF_DUTY' },
];

test('when no proposed team speaks the reporters’ language, the busy teams of the routed types that do are named', () => {
  const found = busySpeakers(teams, incident, arabic, [{ teamId: 1, speaksReportersLanguages: false }]);
  assert.deepEqual(found.languages, ['ar']);
  assert.deepEqual(found.teams.map((team) => team.name), ['KOD Süd', 'Streetwork Ost']);
});

test('also when no team is proposed at all', () => {
  assert.deepEqual(busySpeakers(teams, incident, arabic, []).teams.map((team) => team.id), [2, 4]);
});

test('nothing when a proposed team speaks it, when everyone wrote in German, or when the team speaks only some of the languages', () => {
  assert.deepEqual(busySpeakers(teams, incident, arabic, [{ teamId: 2, speaksReportersLanguages: true }]).teams, []);
  assert.deepEqual(busySpeakers(teams, incident, [{ language: 'de' }], []).teams, []);
  assert.deepEqual(busySpeakers(teams, incident, [{ language: 'ar' }, { language: 'en' }], []).teams.map((team) => team.id), [2]);
});

test('a team already at work on the incident is not named; when it speaks the language, nothing is said', () => {
  const sent = [{ teamId: 1, state: 'EN_ROUTE' }];
  assert.deepEqual(busySpeakers(teams, incident, arabic, [], sent).teams.map((team) => team.id), [2, 4]);
  assert.deepEqual(busySpeakers(teams, incident, arabic, [], [{ teamId: 2, state: 'ASSIGNED' }]).teams, []);
  // Done or declined, it is no longer at work: named again if it is not proposed.
  assert.deepEqual(busySpeakers(teams, incident, arabic, [], [{ teamId: 2, state: 'DECLINED' }]).teams.map((team) => team.id), [2, 4]);
});
