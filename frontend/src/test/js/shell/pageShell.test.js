import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { SHELL_FALLBACK_TEXTS, fallbackText } from '../../../main/web/js/shell/pageShell.js';

const WEB = new URL('../../../main/web/', import.meta.url);

test('the shell shows until the translations arrive exactly what the German dictionary says', () => {
  const de = JSON.parse(readFileSync(new URL('i18n/de.json', WEB), 'utf8'));
  const keys = Object.entries(SHELL_FALLBACK_TEXTS)
    .flatMap(([prefix, texts]) => Object.keys(texts).map((name) => `${prefix}.${name}`));
  assert.equal(keys.length, 14);
  for (const key of keys) {
    assert.equal(fallbackText(key), de[key], key);
  }
});

test('every title and skip link a page gives the shell has its German text from the start', () => {
  const pages = new URL('js/pages/', WEB);
  const keys = readdirSync(pages).flatMap((file) => [...readFileSync(new URL(file, pages), 'utf8')
    .matchAll(/\b(?:title|skipText): '([\w.]+)'/g)].map((match) => match[1]));
  assert.ok(keys.includes('board.title') && keys.includes('board.skipToQueue'), `keys found: ${keys}`);
  for (const key of keys) {
    assert.notEqual(fallbackText(key), 'Quartier Dispatch', `${key} has no German text in SHELL_FALLBACK_TEXTS`);
  }
});
