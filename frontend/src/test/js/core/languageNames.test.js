import { test } from 'node:test';
import assert from 'node:assert/strict';
import { staffLanguageName } from '../../../main/web/js/core/languageNames.js';

const own = { 'language.ar': 'العربية', 'language.de': 'Deutsch', 'language.uk': 'Українська' };
const t = (key) => own[key] ?? key;

test('names a language in the reader\'s language, then in its own', () => {
  assert.equal(staffLanguageName('ar', 'de', t), 'Arabisch (العربية)');
  assert.equal(staffLanguageName('uk', 'en', t), 'Ukrainian (Українська)');
});

test('says a name once where both are the same', () => {
  assert.equal(staffLanguageName('de', 'de', t), 'Deutsch');
});
