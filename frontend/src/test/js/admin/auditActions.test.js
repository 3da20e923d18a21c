import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = new URL('../../../main/web/', import.meta.url);
const JAVA = fileURLToPath(new URL('../../../../../backend/src/main/java/', import.meta.url));

function javaFiles(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory()
    ? javaFiles(join(directory, entry.name)) : entry.name.endsWith('.java') ? [join(directory, entry.name)] : []));
}

/**
 * The actions the server writes: audit.record(actor, "ACTION", ...), or through an
 * administration's helper, changed(admin, "ACTION", ...) or recorded(admin, "ACTION", ...).
 */
function recordedActions() {
  const actions = new Set();
  for (const file of javaFiles(JAVA)) {
    for (const [, action] of readFileSync(file, 'utf8').matchAll(/(?:\.record\(|changed\(admin,|recorded\(admin,)[^;]*?"([A-Z][A-Z0-9]*_[A-Z0-9_]+)"/g)) {
      actions.add(action);
    }
  }
  return actions;
}

test('the audit log page knows, and names in German and English, every action the server records', () => {
  const panel = readFileSync(new URL('js/admin/PrivacyPanel.js', WEB), 'utf8');
  const listed = new Set([...panel.match(/export const ACTIONS = \[([^\]]*)\]/)[1].matchAll(/'([A-Z_0-9]+)'/g)].map(([, action]) => action));
  const recorded = recordedActions();
  assert.ok(recorded.size >= 15, `found ${recorded.size} recorded actions`);
  assert.deepEqual([...recorded].filter((action) => !listed.has(action)), []);
  for (const language of ['de', 'en']) {
    const dictionary = JSON.parse(readFileSync(new URL(`i18n/${language}.json`, WEB), 'utf8'));
    assert.deepEqual([...listed].filter((action) => !dictionary[`audit.${action}`]), [], language);
  }
});

/**
 * The details the server records: the keys of the maps given to audit.record (and to the
 * partner administration's changed(...)), the retention run's counts and those of every
 * retention and erasure step.
 */
function recordedDetails() {
  const details = new Set();
  for (const file of javaFiles(JAVA)) {
    const source = readFileSync(file, 'utf8');
    const regions = [...source.matchAll(/(?:\.record\(|changed\(admin,|counts\.putAll\()[^;]*/g)].map(([region]) => region);
    if (/implements (RetentionStep|ErasureStep)/.test(source)) {
      regions.push(...[...source.matchAll(/Map\.of\([^;]*/g)].map(([region]) => region));
    }
    for (const region of regions) {
      for (const [, detail] of region.matchAll(/"([a-z][A-Za-z0-9]*)"\s*,/g)) {
        details.add(detail);
      }
    }
  }
  return details;
}

test('every detail the server records has a name in German and English', () => {
  const recorded = recordedDetails();
  assert.ok(recorded.size >= 30, `found ${recorded.size} recorded details`);
  for (const language of ['de', 'en']) {
    const dictionary = JSON.parse(readFileSync(new URL(`i18n/${language}.json`, WEB), 'utf8'));
    assert.deepEqual([...recorded].filter((detail) => !dictionary[`audit.detail.${detail}`]), [], language);
  }
});

test('the fields a changed account names have words in German and English', () => {
  const account = readFileSync(join(JAVA, 'de/quartierdispatch/staff/StoredAccount.java'), 'utf8');
  const fields = [...account.matchAll(/fields\.add\("(\w+)"\)/g)].map(([, field]) => field);
  assert.ok(fields.length >= 5, `found ${fields.length} fields`);
  for (const language of ['de', 'en']) {
    const dictionary = JSON.parse(readFileSync(new URL(`i18n/${language}.json`, WEB), 'utf8'));
    assert.deepEqual(fields.filter((field) => !dictionary[`audit.field.${field}`]), [], language);
  }
});
