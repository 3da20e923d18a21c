import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { explainRouting, weekdayName } from '../../../main/web/js/board/routingExplanation.js';
import { pluralKey } from '../../../main/web/js/core/format.js';

function translator(file, language) {
  const dictionary = JSON.parse(readFileSync(new URL(`../../../main/web/i18n/${file}`, import.meta.url)));
  return (key, params = {}) => {
    const form = 'count' in params ? pluralKey(key, params.count, language, (candidate) => candidate in dictionary) : key;
    assert.ok(form in dictionary, `missing text ${form}`);
    return dictionary[form].replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
  };
}

const names = (language) => ({
  category: (code) => ({ AGGRESSION: 'Aggression / Bedrohung', NOISE: 'Lärm' })[code],
  teamType: (code) => ({ KOD: 'Kommunaler Ordnungsdienst', QUARTER_MGMT: 'Quartiersmanagement' })[code],
  weekday: (day) => weekdayName(day, language),
});

const aggression = {
  rule: 'Aggression oder Bedrohung', default: false, reasons: [{ kind: 'category', category: 'AGGRESSION' }],
  teamTypes: ['KOD'], priority: 1, targetMinutes: 15,
};

test('says the routing in German, built from parts, with no codes', () => {
  assert.equal(explainRouting(aggression, translator('de.json', 'de'), names('de')),
    'Regel „Aggression oder Bedrohung“: Kategorie Aggression / Bedrohung → Kommunaler Ordnungsdienst, P1, innerhalb von 15 Min.');
});

test('names night-time weekday rules, flags, the default rule and a hotspot', () => {
  const t = translator('de.json', 'de');
  const night = { ...aggression, rule: 'Lärm nachts', reasons: [
    { kind: 'time', at: '23:10', from: '22:00', to: '06:00' }, { kind: 'weekday', day: 'FRIDAY', night: true },
    { kind: 'flags', flags: ['AGGRESSION'] }] };
  assert.match(explainRouting(night, t, names('de')), /23:10 Uhr liegt zwischen 22:00 und 06:00 Uhr, Freitagnacht, Merkmal Aggression/);
  const fallback = { ...aggression, default: true, rule: 'Standard', hotspot: { reports: 3, category: 'NOISE', quarter: 'Boy-West', days: 14, teamType: 'QUARTER_MGMT' } };
  assert.equal(explainRouting(fallback, t, names('de')),
    'keine andere Regel passte, Standardregel „Standard“ → Kommunaler Ordnungsdienst, P1, innerhalb von 15 Min.; Brennpunkt: 3 Meldungen Lärm in Boy-West in 14 Tagen → + Quartiersmanagement');
});

test('says the same in English', () => {
  assert.equal(explainRouting(aggression, translator('en.json', 'en'), names('en')),
    'rule "Aggression oder Bedrohung": category Aggression / Bedrohung → Kommunaler Ordnungsdienst, P1, 15 min');
});
