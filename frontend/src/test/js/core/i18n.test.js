import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { I18n } from '../../../main/web/js/core/i18n.js';

const DICTIONARIES = new URL('../../../main/web/i18n/', import.meta.url);

function translations(dictionaries) {
  const i18n = new I18n(Object.keys(dictionaries).map((code) => ({ code, rightToLeft: code === 'ar' })));
  for (const [code, dictionary] of Object.entries(dictionaries)) {
    i18n._dictionaries.set(code, dictionary);
  }
  return i18n;
}

test('says "1 offener Vorgang" and "3 offene Vorgänge" from the German dictionary', () => {
  const de = JSON.parse(readFileSync(new URL('de.json', DICTIONARIES), 'utf8'));
  const i18n = translations({ de, en: {} });
  i18n.language = 'de';
  assert.match(i18n.t('counter.nearbyFound', { count: 1 }), /^1 offener Vorgang derselben Kategorie/);
  assert.match(i18n.t('counter.nearbyFound', { count: 3 }), /^3 offene Vorgänge derselben Kategorie/);
});

test('a language without plural forms keeps its plain text rather than taking English forms', () => {
  const i18n = translations({ ar: { 'address.results': 'تم العثور على {count} عنوان.' }, en: { 'address.results.one': '1 address found.', 'address.results.other': '{count} addresses found.' } });
  i18n.language = 'ar';
  assert.equal(i18n.t('address.results', { count: 2 }), 'تم العثور على 2 عنوان.');
});

test('a text missing in the language comes in English, in the right plural form', () => {
  const i18n = translations({ tr: {}, en: { 'address.results.one': '1 address found.', 'address.results.other': '{count} addresses found.' } });
  i18n.language = 'tr';
  assert.equal(i18n.t('address.results', { count: 1 }), '1 address found.');
  assert.equal(i18n.t('address.results', { count: 4 }), '4 addresses found.');
});

test('every dictionary is sorted and has an "other" form wherever it has plural forms', () => {
  for (const file of readdirSync(DICTIONARIES).filter((name) => name.endsWith('.json'))) {
    const keys = Object.keys(JSON.parse(readFileSync(new URL(file, DICTIONARIES), 'utf8')));
    assert.deepEqual(keys, [...keys].sort(), `${file} is sorted`);
    for (const key of keys.filter((candidate) => /\.(zero|one|two|few|many)$/.test(candidate))) {
      const other = key.replace(/\.\w+$/, '.other');
      assert.ok(keys.includes(other), `${file} has ${other}`);
    }
  }
});

test('German and English have the same texts, so neither needs the other as a fallback', () => {
  const german = Object.keys(JSON.parse(readFileSync(new URL('../../../main/web/i18n/de.json', import.meta.url), 'utf8')));
  const english = Object.keys(JSON.parse(readFileSync(new URL('../../../main/web/i18n/en.json', import.meta.url), 'utf8')));
  assert.deepEqual(german.filter((key) => !english.includes(key)), []);
  assert.deepEqual(english.filter((key) => !german.includes(key)), []);
});

test('every text with a count has each plural form its language needs (Arabic: one, two, few, many)', () => {
  const files = readdirSync(DICTIONARIES).filter((name) => /^[a-z]{2}\.json$/.test(name));
  const german = JSON.parse(readFileSync(new URL('de.json', DICTIONARIES), 'utf8'));
  const counted = new Set(Object.keys(german).filter((key) => key.endsWith('.one') && `${key.slice(0, -4)}.other` in german)
    .map((key) => key.slice(0, -4)));
  const missing = [];
  for (const file of files) {
    const language = file.slice(0, 2);
    const dictionary = JSON.parse(readFileSync(new URL(file, DICTIONARIES), 'utf8'));
    // "zero" falls back to "other", which reads right for a count of none.
    const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories.filter((form) => form !== 'zero');
    for (const key of counted) {
      const present = needed.filter((form) => `${key}.${form}` in dictionary);
      if ((key in dictionary || present.length) && present.length < needed.length) {
        missing.push(`${language}: ${key} lacks ${needed.filter((form) => !present.includes(form)).join(', ')}`);
      }
    }
  }
  assert.deepEqual(missing, []);
});

test('an Arabic count of addresses takes the dual, the plural of three to ten and the singular after eleven', () => {
  const ar = JSON.parse(readFileSync(new URL('ar.json', DICTIONARIES), 'utf8'));
  const i18n = translations({ ar, en: {} });
  i18n.language = 'ar';
  assert.match(i18n.t('address.results', { count: 2 }), /عنوانين/);
  assert.match(i18n.t('address.results', { count: 6 }), /6 عناوين/);
  assert.match(i18n.t('address.results', { count: 12 }), /12 عنوانًا/);
});

test('numbers in a text are written in the language\'s digits, as its dates are, and never grouped', () => {
  const i18n = translations({ fa: { 'error.description': 'در {min} تا {max} نویسه', 'board.incident': '#{id}' }, de: { 'board.incident': '#{id}', 'board.hours': '{n} Std.' }, en: {} });
  i18n.language = 'fa';
  assert.equal(i18n.t('error.description', { min: 10, max: 2000 }), 'در ۱۰ تا ۲۰۰۰ نویسه');
  i18n.language = 'de';
  assert.equal(i18n.t('board.incident', { id: 12345 }), '#12345');
  assert.equal(i18n.t('board.hours', { n: 1.5 }), '1,5 Std.');
  assert.equal(i18n.t('board.incident', { id: '12345' }), '#12345');
});
