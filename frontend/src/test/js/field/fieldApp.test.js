import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { withQueuedSteps } from '../../../main/web/js/field/queuedSteps.js';

const WEB = new URL('../../../main/web/', import.meta.url);

function modulesOf(start) {
  const seen = new Set();
  const todo = [start];
  while (todo.length) {
    const path = todo.pop();
    if (seen.has(path)) {
      continue;
    }
    seen.add(path);
    const source = readFileSync(new URL(path.slice(1), WEB), 'utf8');
    for (const [, target] of source.matchAll(/from '([^']+)'/g)) {
      todo.push(normalize(join(dirname(path), target)));
    }
  }
  return seen;
}

test('the service worker keeps every module the field page loads, so /field opens offline', () => {
  const worker = readFileSync(new URL('field-sw.js', WEB), 'utf8');
  const shell = new Set([...worker.matchAll(/^ {2}'([^']+)',$/gm)].map(([, path]) => path));
  for (const module of modulesOf('/js/pages/field-page.js')) {
    assert.ok(shell.has(module), `${module} is in the service worker's SHELL`);
  }
  for (const asset of ['/field', '/css/field.css', '/i18n/field/de.json', '/i18n/field/en.json', '/webjars/leaflet/1.9.4/dist/leaflet.js']) {
    assert.ok(shell.has(asset), `${asset} is in the SHELL`);
  }
});

for (const [html, entry] of [['field.html', '/js/pages/field-page.js'], ['board.html', '/js/pages/board-page.js']]) {
  test(`${html} preloads every module its page loads, so that they are fetched at once`, () => {
    const page = readFileSync(new URL(html, WEB), 'utf8');
    const preloaded = new Set([...page.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map(([, path]) => path));
    assert.deepEqual([...preloaded].sort(), [...modulesOf(entry)].sort());
  });
}

test('the field app\'s share of the translations holds every text its page and modules name', () => {
  const prefixes = JSON.parse(readFileSync(new URL('i18n/pages.json', WEB), 'utf8')).field;
  const german = JSON.parse(readFileSync(new URL('i18n/de.json', WEB), 'utf8'));
  const inShare = (key) => prefixes.some((prefix) => key.startsWith(prefix));
  const sources = ['/field', ...modulesOf('/js/pages/field-page.js')]
    .map((path) => readFileSync(new URL(path === '/field' ? 'field.html' : path.slice(1), WEB), 'utf8'));
  let named = 0;
  for (const source of sources) {
    // Keys as literals ('field.title', data-i18n="field.title") and as templates (`team.${status}`).
    for (const [, key] of source.matchAll(/['"`]([a-z][a-zA-Z0-9]*(?:\.(?:[a-zA-Z0-9_]+|\$\{[^}]+\}))+)['"`]/g)) {
      const fixed = key.split('${')[0];
      const known = Object.keys(german).some((candidate) => candidate.startsWith(fixed));
      if (!known) {
        continue; // not a translation key: a file name, a CSS class, an event name
      }
      named++;
      assert.ok(inShare(fixed) || Object.keys(german).filter((candidate) => candidate.startsWith(fixed)).every(inShare),
        `${key} is in the field app's share (i18n/pages.json)`);
    }
  }
  assert.ok(named > 50, `the field page names its texts (${named} found)`);
});

test('queued steps move their assignment on, with the version the server will give it', () => {
  const document = { team: {}, assignments: [{ id: 7, state: 'ASSIGNED', version: 0 }, { id: 8, state: 'EN_ROUTE', version: 3 }] };
  const steps = [
    { assignmentId: 7, body: { state: 'EN_ROUTE', version: 0 } },
    { assignmentId: 7, body: { state: 'ON_SITE', version: 1 } },
  ];
  const view = withQueuedSteps(document, steps);
  assert.deepEqual(view.assignments[0], { id: 7, state: 'ON_SITE', version: 2 });
  assert.deepEqual(view.assignments[1], document.assignments[1]);
  assert.equal(document.assignments[0].state, 'ASSIGNED', 'the saved list stays as the server sent it');
});

test('queued photos do not move their assignment on', () => {
  const document = { team: {}, assignments: [{ id: 7, state: 'ON_SITE', version: 2 }] };
  const steps = [{ kind: 'photo', assignmentId: 7, incidentId: 3 }];
  assert.deepEqual(withQueuedSteps(document, steps).assignments[0], document.assignments[0]);
});

test('the team shows the status its last queued step will give it: free again after a job done offline', () => {
  const document = { team: { status: 'EN_ROUTE', assigned: false }, assignments: [{ id: 7, state: 'EN_ROUTE', version: 1 }] };
  const onSite = withQueuedSteps(document, [{ assignmentId: 7, body: { state: 'ON_SITE', version: 1 } }]);
  assert.equal(onSite.team.status, 'ON_SITE');
  const done = withQueuedSteps(document, [
    { assignmentId: 7, body: { state: 'ON_SITE', version: 1 } },
    { assignmentId: 7, body: { state: 'DONE', version: 2 } },
    { kind: 'photo', assignmentId: 7, incidentId: 3 },
  ]);
  assert.deepEqual(done.team, { status: 'AVAILABLE', assigned: false });
  assert.equal(document.team.status, 'EN_ROUTE', 'the saved team stays as the server sent it');
  const next = withQueuedSteps({ ...document, assignments: [...document.assignments, { id: 8, state: 'ASSIGNED', version: 0 }] },
    [{ assignmentId: 7, body: { state: 'DONE', version: 1 } }]);
  assert.deepEqual(next.team, { status: 'AVAILABLE', assigned: true }, 'free, and sent out to the next job');
});
