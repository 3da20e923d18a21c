/*
 * The field app's service worker: keeps the app itself (page, scripts, styles, translations,
 * Leaflet) on the phone so that /field opens without a network. It never keeps answers of the
 * API: the team's assignments are kept by the page (IndexedDB) and erased at sign-out, as is
 * this cache.
 *
 * The page is fetched from the network first (the newest version when there is one); the
 * other files are answered from the cache at once and refreshed in the background. A new
 * SHELL_VERSION replaces the whole cache.
 */
const SHELL_VERSION = 'field-shell-v6';

const SHELL = [
  '/field',
  '/field.webmanifest',
  '/img/favicon.svg',
  '/img/field-icon-192.png',
  '/img/field-icon-512.png',
  '/img/field-icon.svg',
  '/css/base.css',
  '/css/field.css',
  '/i18n/field/de.json',
  '/i18n/field/en.json',
  '/js/board/BoardSocket.js',
  '/js/board/beep.js',
  '/js/core/api.js',
  '/js/core/categories.js',
  '/js/core/dom.js',
  '/js/core/format.js',
  '/js/core/geo.js',
  '/js/core/i18n.js',
  '/js/core/languageNames.js',
  '/js/core/photos.js',
  '/js/core/teamStatus.js',
  '/js/core/ReasonDialog.js',
  '/js/field/CallBack.js',
  '/js/field/CheckInPanel.js',
  '/js/field/CardMap.js',
  '/js/field/FieldCard.js',
  '/js/field/FieldPage.js',
  '/js/field/FieldPhotos.js',
  '/js/field/FieldStore.js',
  '/js/field/NewAssignmentAlert.js',
  '/js/field/StepQueue.js',
  '/js/field/queuedSteps.js',
  '/js/field/registerFieldApp.js',
  '/js/pages/field-page.js',
  '/js/shell/pageShell.js',
  '/js/shell/staffPage.js',
  '/webjars/leaflet/1.9.4/dist/leaflet.css',
  '/webjars/leaflet/1.9.4/dist/leaflet.js',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL_VERSION)
    .then((cache) => cache.addAll(SHELL))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith('field-') && name !== SHELL_VERSION)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')
    || url.pathname.startsWith('/ws/')) {
    return;
  }
  if (request.mode === 'navigate') {
    if (url.pathname === '/field') {
      event.respondWith(pageFromNetworkFirst(request));
    }
    return;
  }
  event.respondWith(fromCacheThenRefresh(event, request));
});

async function pageFromNetworkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) {
      const cache = await caches.open(SHELL_VERSION);
      await cache.put('/field', response.clone());
    }
    return response;
  }
  catch (offline) {
    const cached = await caches.match('/field');
    if (cached) {
      return cached;
    }
    throw offline;
  }
}

async function fromCacheThenRefresh(event, request) {
  const cached = await caches.match(request, { ignoreSearch: false });
  const refreshed = fetch(request).then(async (response) => {
    if (response.ok && SHELL.includes(new URL(request.url).pathname)) {
      const cache = await caches.open(SHELL_VERSION);
      await cache.put(request, response.clone());
    }
    return response;
  });
  if (cached) {
    event.waitUntil(refreshed.catch(() => null));
    return cached;
  }
  return refreshed;
}
