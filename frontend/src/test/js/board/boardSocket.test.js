import { test } from 'node:test';
import assert from 'node:assert/strict';

/** A stand-in for the browser's WebSocket: the test opens, feeds and closes it. */
class FakeWebSocket {

  static OPEN = 1;

  static opened = [];

  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.listeners = {};
    FakeWebSocket.opened.push(this);
  }

  addEventListener(type, listener) {
    this.listeners[type] = listener;
  }

  receive(message) {
    this.readyState = FakeWebSocket.OPEN;
    this.listeners.message({ data: JSON.stringify(message) });
  }

  serverCloses(code) {
    this.readyState = 3;
    return this.listeners.close({ code });
  }

  /** As in a browser, the page's own close ends in a close event with its code. */
  close(code) {
    const wasOpen = this.readyState !== 3;
    this.readyState = 3;
    return wasOpen ? this.listeners.close?.({ code }) : undefined;
  }

}

/** Timers the test runs by hand: the reconnects wait for nothing but the test. */
const pendingTimeouts = [];
const cancelled = new Set();
globalThis.setTimeout = (callback) => {
  const id = Symbol('timeout');
  pendingTimeouts.push(() => cancelled.has(id) || callback());
  return id;
};
globalThis.clearTimeout = (id) => cancelled.add(id);
globalThis.setInterval = () => 0;
globalThis.clearInterval = () => {};
function runTimeouts() {
  pendingTimeouts.splice(0).forEach((callback) => callback());
}

globalThis.WebSocket = FakeWebSocket;
globalThis.window = Object.assign(new EventTarget(), { location: { protocol: 'http:', host: 'localhost:8080' } });
const { BoardSocket } = await import('../../../main/web/js/board/BoardSocket.js');

function board() {
  FakeWebSocket.opened = [];
  pendingTimeouts.length = 0;
  const statuses = [];
  const socket = new BoardSocket({ onEvent: () => {}, onReload: async () => 7, onStatus: (status) => statuses.push(status), onSignedOut: () => statuses.push('(signed out)') });
  return { socket, statuses };
}

test('a board the account may not open says so on every further try, until one gets through', async () => {
  const { socket, statuses } = board();
  socket.start(5);
  assert.equal(FakeWebSocket.opened[0].url, 'ws://localhost:8080/ws/board?since=5');
  await FakeWebSocket.opened[0].serverCloses(4029);
  runTimeouts();
  await FakeWebSocket.opened[1].serverCloses(4029);
  runTimeouts();
  assert.deepEqual(statuses, ['connecting', 'too-many', 'too-many', 'too-many', 'too-many']);

  FakeWebSocket.opened[2].receive({ type: 'live', seq: 9 });
  await FakeWebSocket.opened[2].serverCloses(1006);
  assert.deepEqual(statuses.slice(5), ['live', 'reconnecting']);
  socket.stop();
});

test('a signed-out board stops trying', async () => {
  const { socket, statuses } = board();
  socket.start(0);
  await FakeWebSocket.opened[0].serverCloses(4001);
  runTimeouts();
  assert.deepEqual(statuses, ['connecting', 'signed-out', '(signed out)']);
  assert.equal(FakeWebSocket.opened.length, 1);
  socket.stop();
});

test('a device that loses its network says so at once, and tries again as soon as it is back', () => {
  const { socket, statuses } = board();
  socket.start(3);
  FakeWebSocket.opened[0].receive({ type: 'live', seq: 3 });

  window.dispatchEvent(new Event('offline'));
  assert.deepEqual(statuses, ['connecting', 'live', 'reconnecting']);
  assert.equal(pendingTimeouts.length, 1);

  // Back: connected at once, and the backoff's own try later does not open a second socket.
  window.dispatchEvent(new Event('online'));
  assert.equal(FakeWebSocket.opened.length, 2);
  assert.equal(FakeWebSocket.opened[1].url, 'ws://localhost:8080/ws/board?since=3');
  runTimeouts();
  assert.equal(FakeWebSocket.opened.length, 2);
  socket.stop();

  // A stopped board no longer listens.
  window.dispatchEvent(new Event('online'));
  assert.equal(FakeWebSocket.opened.length, 2);
});

test('a heartbeat saying the server cannot read new events shows the board as behind, not live, until it can', () => {
  const { socket, statuses } = board();
  socket.start(5);
  const connection = FakeWebSocket.opened[0];
  connection.receive({ type: 'live', seq: 5 });
  connection.receive({ type: 'heartbeat', seq: 5, at: '2026-12-06T20:00:00Z', behind: true });
  connection.receive({ type: 'heartbeat', seq: 5, at: '2026-12-06T20:00:10Z' });
  assert.deepEqual(statuses, ['connecting', 'live', 'behind', 'live']);
  socket.stop();
});
