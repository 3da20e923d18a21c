import { test } from 'node:test';
import assert from 'node:assert/strict';
import { categoryLabel } from '../../../main/web/js/core/categories.js';

const categories = [
  { code: 'NOISE', labels: { de: 'Lärm', en: 'Noise', ar: 'ضوضاء' } },
  { code: 'LITTER', labels: { de: 'Müll', en: 'Litter' } },
  { code: 'YOUTH', labels: { en: 'Young people' } },
  { code: 'ODD', labels: { tr: 'Garip' } },
];

test('names a category in the reader\'s language', () => {
  assert.equal(categoryLabel(categories, 'NOISE', 'ar'), 'ضوضاء');
  assert.equal(categoryLabel(categories, 'NOISE', 'en'), 'Noise');
});

test('falls back to German, then English, then any label', () => {
  assert.equal(categoryLabel(categories, 'LITTER', 'fa'), 'Müll');
  assert.equal(categoryLabel(categories, 'YOUTH', 'de'), 'Young people');
  assert.equal(categoryLabel(categories, 'ODD', 'de'), 'Garip');
});

test('never shows a code: an unknown category gets the given text', () => {
  assert.equal(categoryLabel(categories, 'RETIRED', 'de', 'Sonstiges'), 'Sonstiges');
  assert.equal(categoryLabel(categories, 'RETIRED', 'de'), '–');
});
