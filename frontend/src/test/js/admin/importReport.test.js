import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const WEB = new URL('../../../main/web/', import.meta.url);
const REASONS = new URL('../../../../../backend/src/main/java/de/quartierdispatch/geo/ImportReasons.java', import.meta.url);

test('every reason a quarter import gives is named in German and English', () => {
  const reasons = [...readFileSync(REASONS, 'utf8').matchAll(/rule\("([a-z0-9-]+)"/g)].map(([, reason]) => reason);
  assert.ok(reasons.length >= 15);
  for (const language of ['de', 'en']) {
    const dictionary = JSON.parse(readFileSync(new URL(`i18n/${language}.json`, WEB), 'utf8'));
    assert.deepEqual([...reasons, 'repaired'].filter((reason) => !dictionary[`admin.geodata.reason.${reason}`]), [], language);
  }
});

test("the geometry library's finding keeps its coordinates and gets words of the reader's language", async () => {
  const { geometryFinding } = await import('../../../main/web/js/admin/importReport.js');
  const german = JSON.parse(readFileSync(new URL('i18n/de.json', WEB), 'utf8'));
  const t = (key) => german[key] ?? key;
  assert.equal(geometryFinding('Self-intersection[6.92 51.52]', t), 'Selbstüberschneidung [6.92 51.52]');
  assert.equal(geometryFinding('Ring Self-intersection[6.9 51.5]', t), 'Ring überschneidet sich selbst [6.9 51.5]');
  assert.equal(geometryFinding('Something new[1 2]', t), 'Something new [1 2]');
  // A ring the library cannot even build: said in our words too.
  assert.equal(geometryFinding('Points of LinearRing do not form a closed linestring', t), 'Ring ist nicht geschlossen');
  const withParams = (key, params = {}) => (german[key] ?? key).replace(/\{(\w+)\}/g, (match, name) => String(params[name] ?? match));
  assert.equal(geometryFinding('Invalid number of points in LinearRing (found 3 - must be 0 or >= 4)', withParams),
    'Ring hat zu wenige Punkte (3; mindestens 4)');
  assert.equal(geometryFinding('Something else entirely', t), 'Something else entirely');
});
