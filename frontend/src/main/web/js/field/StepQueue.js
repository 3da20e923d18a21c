import { api, ApiError } from '../core/api.js';
import { randomKey } from '../core/dom.js';

/**
 * Steps and photos on the way to the server. Every step (and every photo the team takes) is
 * queued first, with its own Idempotency-Key, and sent in the order it was taken; without a network it waits on the phone and goes out
 * when the network is back (the key makes a step that arrives twice count once). A step the
 * server refuses (the lead withdrew the assignment, the incident was merged) is taken out of
 * the queue and kept as a refusal until the member has read it: nothing is dropped silently.
 */
export class StepQueue {

  /**
   * @param store the FieldStore
   * @param onDocument called with each fresh list of assignments the server answers with
   * @param onPhoto called with each queued photo once the server has it
   */
  constructor(store, onDocument, onPhoto = () => {}) {
    this.store = store;
    this.onDocument = onDocument;
    this.onPhoto = onPhoto;
    this._flushing = null;
  }

  /** Queues a step of an assignment; flush() sends it. */
  async add(assignment, body) {
    await this.store.enqueue({
      key: randomKey(), assignmentId: assignment.id, incidentId: assignment.incident.id, body, takenAt: new Date().toISOString(),
    });
  }

  /** Queues a photo of an assignment (a JPEG blob, kept in IndexedDB until it is sent); flush() sends it. */
  async addPhoto(assignment, blob) {
    await this.store.enqueue({
      kind: 'photo', key: randomKey(), assignmentId: assignment.id, incidentId: assignment.incident.id, blob,
      takenAt: new Date().toISOString(),
    });
  }

  /** Whether what is waiting is being sent right now (not: waiting for the network). */
  get sending() {
    return this._flushing !== null;
  }

  /**
   * Sends what is waiting, oldest first, one at a time. Stops at the first network failure
   * (the rest keeps its order for the next try). Returns true when the queue is empty.
   */
  flush() {
    if (!this._flushing) {
      this._flushing = this._send().finally(() => {
        this._flushing = null;
      });
    }
    return this._flushing;
  }

  async _send() {
    // Read again after each round: a step taken while others were on their way goes out with them.
    for (let steps = await this._queued(); steps.length; steps = await this._queued()) {
      for (const step of steps) {
        if (!await this._sendOne(step)) {
          return false;
        }
      }
    }
    return true;
  }

  async _queued() {
    return this.store.closed ? [] : this.store.queued();
  }

  /** Sends one step or photo; false when it could not go out (no network, signed out, server trouble). */
  async _sendOne(step) {
    try {
      if (step.kind === 'photo') {
        await api(`/api/field/assignments/${step.assignmentId}/photos`, {
          method: 'POST', body: step.blob, contentType: 'image/jpeg', headers: { 'Idempotency-Key': step.key },
        });
        await this.store.dequeue(step.seq);
        await this.onPhoto(step);
        return true;
      }
      // With when it was taken: a step that waited here counts from then (the server keeps it
      // between the assignment's previous step and its arrival).
      const document = await api(`/api/field/assignments/${step.assignmentId}`, {
        method: 'POST', body: { ...step.body, takenAt: step.takenAt }, headers: { 'Idempotency-Key': step.key },
      });
      await this.store.dequeue(step.seq);
      await this.onDocument(document);
      return true;
    }
    catch (failure) {
      if (!(failure instanceof ApiError) || !isRefusal(failure.status)) {
        return false;
      }
      await this.store.dequeue(step.seq);
      // A refused photo is not kept: the refusal says which one it was and why.
      const { blob, ...refused } = step;
      await this.store.addRefused({ ...refused, status: failure.status, reason: [failure.title, failure.detail].filter(Boolean).join(': ') });
      return true;
    }
  }

}

/** The server said no to this step itself (not: no network, signed out, server trouble). */
function isRefusal(status) {
  return status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429;
}
