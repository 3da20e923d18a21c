import { test } from 'node:test';
import assert from 'node:assert/strict';

// The queue talks to the server through core/api.js, which reads the page's language and cookie.
globalThis.document ??= { documentElement: { lang: 'de' }, cookie: '' };
const { StepQueue } = await import('../../../main/web/js/field/StepQueue.js');

/** FieldStore's queue part, in memory. */
class MemoryStore {

  constructor() {
    this.closed = false;
    this.steps = [];
    this.refusals = [];
    this.next = 1;
  }

  async enqueue(step) {
    this.steps.push({ ...step, seq: this.next++ });
  }

  async queued() {
    return [...this.steps];
  }

  async dequeue(seq) {
    this.steps = this.steps.filter((step) => step.seq !== seq);
  }

  async addRefused(refusal) {
    this.refusals.push(refusal);
  }

}

/** A server whose answers the test releases one at a time. */
function heldServer() {
  const requests = [];
  globalThis.fetch = (path, request) => new Promise((resolve) => {
    requests.push({ path, body: JSON.parse(request.body), answer: (status = 200) => resolve(new Response(
      JSON.stringify(status === 200 ? { assignments: [] } : { title: 'Nein' }),
      { status, headers: { 'Content-Type': status === 200 ? 'application/json' : 'application/problem+json' } })) });
  });
  return requests;
}

async function until(condition) {
  for (let turn = 0; turn < 1000 && !condition(); turn++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.ok(condition(), 'the awaited state was reached');
}

const assignment = { id: 7, incident: { id: 70 } };

test('a step taken while an earlier one is on its way goes out in the same send, after it', async () => {
  const requests = heldServer();
  const store = new MemoryStore();
  const documents = [];
  const queue = new StepQueue(store, (document) => documents.push(document));

  await queue.add(assignment, { state: 'EN_ROUTE', version: 1 });
  const sent = queue.flush();
  assert.equal(queue.sending, true);
  await until(() => requests.length === 1);
  await queue.add(assignment, { state: 'ON_SITE', version: 2 });
  requests[0].answer();
  await until(() => requests.length === 2);
  assert.equal(requests[1].body.state, 'ON_SITE');
  requests[1].answer();

  assert.equal(await sent, true);
  assert.equal(queue.sending, false);
  assert.deepEqual(store.steps, []);
  assert.equal(documents.length, 2);
});

test('without a network the steps stay queued, in order; a refused step is kept as a refusal', async () => {
  globalThis.fetch = () => Promise.reject(new TypeError('offline'));
  const store = new MemoryStore();
  const queue = new StepQueue(store, () => {});
  await queue.add(assignment, { state: 'EN_ROUTE', version: 1 });
  await queue.add(assignment, { state: 'ON_SITE', version: 2 });
  assert.equal(await queue.flush(), false);
  assert.deepEqual(store.steps.map((step) => step.body.state), ['EN_ROUTE', 'ON_SITE']);

  const requests = heldServer();
  const sent = queue.flush();
  await until(() => requests.length === 1);
  requests[0].answer(409);
  await until(() => requests.length === 2);
  requests[1].answer();
  assert.equal(await sent, true);
  assert.deepEqual(store.refusals.map((refusal) => [refusal.body.state, refusal.status]), [['EN_ROUTE', 409]]);
});
