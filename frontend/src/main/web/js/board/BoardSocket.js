/**
 * The board's event stream over WebSocket, in the manner of uMap's sync client: it resumes
 * from the last sequence number applied, reloads the snapshot when the server says so, and
 * reconnects with exponential backoff and jitter. Its status is 'connecting', 'live',
 * 'behind' (connected, but the server says it cannot read new events), 'reconnecting',
 * 'too-many' (refused: the account has its maximum of boards open) or 'stale' (no heartbeat
 * for a while although the socket looks open).
 */
const STALE_AFTER_MS = 25000;
const BACKOFF_START_MS = 500;
const BACKOFF_MAX_MS = 15000;
const TOO_MANY_BOARDS = 4029;

export class BoardSocket {

  /**
   * @param options onEvent(event), onReload() → Promise<seq> (fetch the snapshot, return its
   *   sequence number), onStatus(status), onSignedOut()
   */
  constructor({ onEvent, onReload, onStatus, onSignedOut }) {
    this._onEvent = onEvent;
    this._onReload = onReload;
    this._onStatus = onStatus;
    this._onSignedOut = onSignedOut;
    this._seq = -1;
    this._attempt = 0;
    this._socket = null;
    this._lastHeard = 0;
    this._stopped = false;
    this._refused = false;
    this._retry = null;
    this._watch = setInterval(() => this._checkStale(), 5000);
    // The device says when it loses its network: the page says so at once, instead of "live"
    // until the heartbeat's silence, and tries again as soon as the network is back.
    this._offline = () => {
      if (this._socket?.readyState === WebSocket.OPEN) {
        this._socket.close(4100, 'offline');
      }
    };
    this._online = () => {
      if (this._retry !== null) {
        clearTimeout(this._retry);
        this._retry = null;
        this._connect();
      }
    };
  }

  get seq() {
    return this._seq;
  }

  /** Starts from a snapshot's sequence number. */
  start(seq) {
    this._seq = seq;
    window.addEventListener('offline', this._offline);
    window.addEventListener('online', this._online);
    this._connect();
  }

  stop() {
    this._stopped = true;
    clearTimeout(this._retry);
    this._retry = null;
    window.removeEventListener('offline', this._offline);
    window.removeEventListener('online', this._online);
    clearInterval(this._watch);
    this._socket?.close(1000, 'leaving');
  }

  _connect() {
    // While the account's other boards keep this one out, each new try still says why.
    this._status(this._attempt === 0 ? 'connecting' : this._refused ? 'too-many' : 'reconnecting');
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${window.location.host}/ws/board?since=${this._seq}`);
    this._socket = socket;
    socket.addEventListener('message', (message) => this._receive(JSON.parse(message.data)));
    socket.addEventListener('close', (event) => this._closed(event));
  }

  _receive(message) {
    this._lastHeard = Date.now();
    if (message.type === 'live' || message.type === 'heartbeat') {
      this._attempt = 0;
      this._refused = false;
      this._seq = Math.max(this._seq, message.seq);
      // Connected, but the server cannot read new events (its database is down): not "live".
      this._status(message.behind ? 'behind' : 'live');
      return;
    }
    if (message.type === 'reload') {
      return;
    }
    if (message.seq <= this._seq) {
      return;
    }
    this._seq = message.seq;
    this._onEvent(message);
  }

  async _closed(event) {
    if (this._stopped) {
      return;
    }
    if (event.code === 4001 || event.code === 1008) {
      this._status('signed-out');
      this._onSignedOut();
      return;
    }
    if (event.code === 4000) {
      try {
        this._seq = await this._onReload();
      }
      catch (failure) {
        // The next attempt tries again.
      }
    }
    this._attempt += 1;
    // Refused because this account has its maximum of boards open elsewhere: waiting helps only
    // once one of them is closed, and the lead has to know which of the two to do.
    this._refused = event.code === TOO_MANY_BOARDS;
    this._status(this._refused ? 'too-many' : 'reconnecting');
    const backoff = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** (this._attempt - 1));
    const jitter = Math.random() * backoff * 0.5;
    this._retry = setTimeout(() => {
      this._retry = null;
      this._connect();
    }, event.code === 4000 ? 0 : backoff / 2 + jitter);
  }

  _checkStale() {
    if (this._socket?.readyState === WebSocket.OPEN && Date.now() - this._lastHeard > STALE_AFTER_MS) {
      this._status('stale');
      this._socket.close(4100, 'stale');
    }
  }

  _status(status) {
    this._onStatus(status);
  }

}
