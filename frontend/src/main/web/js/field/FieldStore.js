/**
 * What the field app keeps on the phone, in IndexedDB: the team's last list of assignments
 * (with the time it was fetched), what the page needs to start without a network (the member's
 * name, the categories, the map settings), the steps waiting to be sent, and the steps the
 * server refused until the member has read about them. Sign-out deletes all of it (forget()).
 */
const DATABASE = 'quartier-dispatch-field';
const VERSION = 1;
const SAVED = 'saved';
const QUEUE = 'queue';
const REFUSED = 'refused';

export class FieldStore {

  constructor() {
    this._db = null;
  }

  async open() {
    if (!this._db) {
      this._db = await request(indexedDB.open(DATABASE, VERSION), (db) => {
        db.createObjectStore(SAVED);
        db.createObjectStore(QUEUE, { keyPath: 'seq', autoIncrement: true });
        db.createObjectStore(REFUSED, { keyPath: 'seq', autoIncrement: true });
      });
    }
    return this;
  }

  /** A value saved under a name ('assignments', 'me', 'categories', 'config'), or undefined. */
  get(name) {
    return this._run(SAVED, 'readonly', (store) => store.get(name));
  }

  put(name, value) {
    return this._run(SAVED, 'readwrite', (store) => store.put(value, name));
  }

  /** Steps waiting to be sent, oldest first. */
  queued() {
    return this._run(QUEUE, 'readonly', (store) => store.getAll());
  }

  enqueue(step) {
    return this._run(QUEUE, 'readwrite', (store) => store.add(step));
  }

  dequeue(seq) {
    return this._run(QUEUE, 'readwrite', (store) => store.delete(seq));
  }

  refused() {
    return this._run(REFUSED, 'readonly', (store) => store.getAll());
  }

  addRefused(refusal) {
    return this._run(REFUSED, 'readwrite', (store) => store.add(refusal));
  }

  dismissRefused(seq) {
    return this._run(REFUSED, 'readwrite', (store) => store.delete(seq));
  }

  /** Whether the store was closed (sign-out): nothing is read or written any more. */
  get closed() {
    return this._db === null;
  }

  close() {
    if (this._db) {
      this._db.close();
      this._db = null;
    }
  }

  /** Deletes the team's data kept on this phone (the database), not the app itself. */
  static async forgetData() {
    await request(indexedDB.deleteDatabase(DATABASE)).catch(() => null);
  }

  /**
   * Deletes everything the app kept on this phone: the database, the app's caches and its
   * service worker (installed again at the next sign-in).
   */
  static async forget() {
    const caches = ('caches' in window) ? window.caches.keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('field-')).map((name) => window.caches.delete(name))))
      : Promise.resolve();
    const workers = ('serviceWorker' in navigator) ? navigator.serviceWorker.getRegistrations()
      .then((registrations) => Promise.all(registrations.filter((registration) => new URL(registration.scope).pathname === '/field')
        .map((registration) => registration.unregister())))
      : Promise.resolve();
    await Promise.allSettled([FieldStore.forgetData(), caches, workers]);
  }

  _run(name, mode, action) {
    if (this.closed) {
      // Signed out while something was still on its way: it finds nothing and keeps nothing.
      return Promise.resolve(name === SAVED ? undefined : []);
    }
    return request(action(this._db.transaction(name, mode).objectStore(name)));
  }

}

function request(idbRequest, upgrade = null) {
  return new Promise((resolve, reject) => {
    if (upgrade) {
      idbRequest.onupgradeneeded = () => upgrade(idbRequest.result);
    }
    idbRequest.onsuccess = () => resolve(idbRequest.result);
    idbRequest.onerror = () => reject(idbRequest.error);
    idbRequest.onblocked = () => resolve(null);
  });
}
