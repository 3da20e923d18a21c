import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkContact, checkWhat, checkWhere, contactFrom, descriptionLength } from '../../../main/web/js/intake/reportChecks.js';

const fields = (problems) => problems.map((problem) => problem.field);

test('counts the description in characters, as the server does', () => {
  assert.equal(descriptionLength('  Lärm 🎺 nachts  '), 13);
});

test('reports every missing part of what happened at once', () => {
  assert.deepEqual(fields(checkWhat({ category: null, description: 'kurz' })), ['category', 'description']);
  assert.deepEqual(checkWhat({ category: 'NOISE', description: 'Laute Musik bis Mitternacht.' }), []);
  assert.deepEqual(checkWhat({ category: 'NOISE', description: 'x' }).at(0).params, { min: 10, max: 2000 });
});

test('asks for a place, and on the residents\' form for one inside a quarter', () => {
  assert.equal(checkWhere({ location: null, quarter: null })[0].key, 'error.location');
  assert.equal(checkWhere({ location: { lat: 1, lon: 2 }, quarter: null })[0].key, 'report.outside');
  assert.deepEqual(checkWhere({ location: { lat: 1, lon: 2 }, quarter: null }, { inQuarter: false }), []);
  assert.deepEqual(checkWhere({ location: { lat: 1, lon: 2 }, quarter: { name: 'Mitte' } }), []);
});

test('needs consent and a valid e-mail address for contact details, and nothing without them', () => {
  assert.deepEqual(checkContact({ contact: null, consent: false }), []);
  assert.deepEqual(fields(checkContact({ contact: { email: 'nope' }, consent: false })), ['contact.email', 'consent']);
  assert.deepEqual(checkContact({ contact: { email: 'a@b.de' }, consent: true }), []);
  assert.equal(checkContact({ contact: null, consent: false }, { missing: 'error.contactMissing' })[0].field, 'contact');
  assert.equal(checkContact({ contact: { name: 'A' }, consent: false }, { noConsent: 'counter.error.consent' })[0].key, 'counter.error.consent');
});

test('takes contact details as typed, trimmed, and none when all are empty', () => {
  assert.equal(contactFrom({ name: ' ', email: '', phone: '  ' }), null);
  assert.deepEqual(contactFrom({ name: ' Ada ', email: '', phone: '0201 1234' }), { name: 'Ada', email: null, phone: '0201 1234' });
});
