import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { actorText, stepText } from '../../../main/web/js/board/timelineSteps.js';

const de = JSON.parse(readFileSync(new URL('../../../main/web/i18n/de.json', import.meta.url)));
const en = JSON.parse(readFileSync(new URL('../../../main/web/i18n/en.json', import.meta.url)));

function translator(dictionary) {
  return (key, params = {}) => {
    assert.ok(key in dictionary, `missing text ${key}`);
    return dictionary[key].replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
  };
}

const t = translator(de);

test('names the step a state change was, not just "updated"', () => {
  assert.equal(stepText({ type: 'INCIDENT_STATE_CHANGED', details: { to: 'CLOSED', outcome: 'NOTHING_FOUND' } }, t), 'Abgeschlossen: nichts vorgefunden');
  assert.equal(stepText({ type: 'INCIDENT_STATE_CHANGED', details: { to: 'OPEN', undone: true } }, t), 'Entscheidung zurückgenommen: wieder offen');
  assert.equal(stepText({ type: 'INCIDENT_STATE_CHANGED', details: { to: 'ON_SITE', undone: true } }, t), 'Entscheidung zurückgenommen: wieder vor Ort');
  assert.equal(stepText({ type: 'INCIDENT_STATE_CHANGED', details: { to: 'OPEN', reopened: true } }, t), 'Wieder geöffnet („noch ein Problem“)');
});

test('names teams, channels, priorities and merges', () => {
  assert.equal(stepText({ type: 'ASSIGNMENT_CHANGED', team: 'KOD Süd 1', details: { state: 'ON_SITE' } }, t), 'Team KOD Süd 1 vor Ort');
  assert.equal(stepText({ type: 'INCIDENT_OPENED', details: { channel: 'WEB' } }, t), 'Eröffnet durch Meldung (Online-Formular)');
  assert.equal(stepText({ type: 'PRIORITY_CHANGED', details: { from: 3, to: 1 } }, t), 'Priorität P3 → P1');
  assert.equal(stepText({ type: 'INCIDENT_MERGED', details: { into: 12 } }, t), 'Zusammengeführt mit #12');
});

test('names the actor: staff by name, field staff with their team, never an account or "public"', () => {
  assert.equal(actorText({ actorKind: 'staff', actor: 'Lea Schmidt' }, t), 'Lea Schmidt');
  assert.equal(actorText({ actorKind: 'staff', actor: 'Jonas Weber', actorTeam: 'KOD Süd 1' }, t), 'KOD Süd 1 (Jonas Weber)');
  assert.equal(actorText({ actorKind: 'reporter' }, t), 'meldende Person');
  assert.equal(actorText({ actorKind: 'system' }, t), 'System');
});

test('every text the board and its timeline use exists in German and in English', () => {
  const boardKeys = (dictionary) => Object.keys(dictionary).filter((key) => /^(board|step|actor|teamType|routing)\./.test(key)).sort();
  assert.deepEqual(boardKeys(en), boardKeys(de));
});

test('names a team\'s alarm, its check-in and the lead ending the alarm', () => {
  assert.equal(stepText({ type: 'TEAM_ALARM', team: 'KOD Süd 1', details: { reason: 'HELP' } }, t), 'Alarm: Team KOD Süd 1 hat Hilfe gerufen');
  assert.equal(stepText({ type: 'TEAM_ALARM', team: 'KOD Süd 1', details: { reason: 'OVERDUE' } }, t), 'Alarm: Team KOD Süd 1 hat sich nicht rechtzeitig gemeldet');
  assert.equal(stepText({ type: 'TEAM_STATUS_CHANGED', team: 'KOD Süd 1', details: { checkIn: 'EXTENDED' } }, t), 'Team KOD Süd 1: alles in Ordnung');
  assert.equal(stepText({ type: 'TEAM_STATUS_CHANGED', team: 'KOD Süd 1', details: { checkIn: 'ALARM_ENDED', reason: 'HELP' } }, t), 'Alarm beendet: Team KOD Süd 1 erreicht');
});
