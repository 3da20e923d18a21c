import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describeDetails } from '../../../main/web/js/admin/auditDetails.js';

const german = JSON.parse(readFileSync(new URL('../../../main/web/i18n/de.json', import.meta.url), 'utf8'));
const i18n = { language: 'de', t: (key) => german[key] ?? key };

test('an account change reads in words: the account, what changed and the roles', () => {
  assert.equal(describeDetails({ user: 12, changed: ['displayName', 'roles'], roles: ['DISPATCHER', 'FIELD'] }, i18n),
    'Konto: 12; geändert: Name, Rollen; Rollen: Disposition, Außendienst');
});

test('yes and no, nothing, team types and events are words; counts and references stay as written', () => {
  assert.equal(describeDetails({ teamType: 'KOD', checkInMinutes: 20, voluntary: false }, i18n),
    'Teamart: Kommunaler Ordnungsdienst; Meldeintervall (Min.): 20; freiwillig: nein');
  assert.equal(describeDetails({ events: ['INCIDENT_OPENED'], enabled: true }, i18n),
    'Ereignisse: Neuer Vorgang; aktiv: ja');
  assert.equal(describeDetails({ user: 7, organisation: '' }, i18n), 'Konto: 7; Organisation: keine');
  assert.equal(describeDetails({ request: 'Brief vom 3.12.', contactErased: true }, i18n),
    'Anfrage: Brief vom 3.12.; Kontaktdaten gelöscht: ja');
});

test('a team type added later is named by the label the administration gave it', () => {
  const teamTypes = [{ code: 'NIGHT_MEDIATION', de: 'Nachtmediation', en: 'Night mediation' }];
  assert.equal(describeDetails({ teamType: 'NIGHT_MEDIATION' }, i18n, teamTypes), 'Teamart: Nachtmediation');
});

test('an entry without details shows nothing', () => {
  assert.equal(describeDetails({}, i18n), '');
  assert.equal(describeDetails(null, i18n), '');
});
