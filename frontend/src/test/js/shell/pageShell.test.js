import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { SHELL_FALLBACK_TEXTS, fallbackText } from '../../../main/web/js/shell/pageShell.js';

const WEB = new URL('../../../main/web/', import.meta.url);

test('the shell shows until the translations arrive exactly what the German dictionary says', () => {
  const de = JSON.parse(readFileSync(new URL('i18n/de.json', WEB), 'utf8'));
  const keys = Object.entries(SHELL_FALLBACK_TEXTS)
    .flatMap(([prefix, texts]) => Object.keys(texts).map((name) => `${prefix}.${name}`));
  for (const key of keys) {
    assert.equal(fallbackText(key), de[key], key);
  }
});

test('every text the shell names has its German text from the start', () => {
  const de = JSON.parse(readFileSync(new URL('i18n/de.json', WEB), 'utf8'));
  const shell = readFileSync(new URL('js/shell/pageShell.js', WEB), 'utf8');
  const keys = [...new Set([...shell.matchAll(/'([a-z]\w*\.\w+)'/g)].map((match) => match[1]))]
    .filter((key) => key in de);
  assert.ok(keys.includes('common.skipToContent') && keys.includes('footer.accessibility'), `keys found: ${keys}`);
  for (const key of keys) {
    assert.notEqual(fallbackText(key), 'Quartier Dispatch', `${key} has no German text in SHELL_FALLBACK_TEXTS`);
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
