/**
 * The small map on an assignment card: the incident's pin on the city's background map
 * (configuration) and, when the member asked for it, their own position as a blue dot (the
 * view then holds both). Without a network the background stays empty, the pin and the
 * address remain. Leaflet (a WebJar, a classic script) is loaded by the first card map and
 * used through window.L.
 */
const ZOOM = 17;
const LEAFLET = '/webjars/leaflet/1.9.4/dist';
// A card map shows few tiles: one that fails is a good part of it. A tile request may also
// hang without failing (a network that drops packets): no tile after this long says the same.
const TILE_FAILURES_BEFORE_NOTICE = 1;
const NO_TILE_NOTICE_MS = 10000;

export class CardMap {

  constructor(element, config, tileNotice) {
    this.element = element;
    this.config = config;
    this.tileNotice = tileNotice;
  }

  show(lat, lon, here = null) {
    leaflet().then((L) => L && this.element.isConnected && this._draw(L, lat, lon, here));
  }

  _draw(L, lat, lon, here) {
    // No attribution control: its link would be a control inside the map's role="img". The
    // attribution is text under the map instead.
    const map = L.map(this.element, { zoomControl: false, keyboard: false, dragging: true, attributionControl: false })
      .setView([lat, lon], ZOOM);
    if (this.config && this.config.tileUrl) {
      let failures = 0;
      let loaded = 0;
      const notice = () => {
        if (this.element.isConnected && !this.element.querySelector('.map-tiles-missing')) {
          this.element.append(Object.assign(document.createElement('p'), { className: 'map-tiles-missing', textContent: this.tileNotice }));
        }
      };
      L.tileLayer(this.config.tileUrl, { attribution: this.config.tileAttribution, maxZoom: 19 })
        .on('tileerror', () => {
          failures += 1;
          if (failures === TILE_FAILURES_BEFORE_NOTICE) {
            notice();
          }
        })
        .on('tileload', () => {
          loaded += 1;
        })
        .addTo(map);
      setTimeout(() => loaded || notice(), NO_TILE_NOTICE_MS);
      this.element.after(Object.assign(document.createElement('p'), {
        className: 'map-attribution', textContent: (this.config.tileAttribution ?? '').replace(/<[^>]*>/g, ''),
      }));
    }
    L.circleMarker([lat, lon], { radius: 9, color: '#b00020', weight: 3, fillOpacity: 0.6, interactive: false }).addTo(map);
    if (here) {
      L.circleMarker([here.lat, here.lon], { radius: 7, color: '#ffffff', weight: 2, fillColor: '#1565c0', fillOpacity: 1, interactive: false }).addTo(map);
      map.fitBounds(L.latLngBounds([[lat, lon], [here.lat, here.lon]]), { padding: [24, 24], maxZoom: ZOOM });
    }
  }

}

/**
 * Leaflet, loaded on the first card map, after the list is drawn: on a slow connection its 44 KB
 * would otherwise hold up the list. Offline the service worker answers from its cache.
 */
let loading = null;

function leaflet() {
  if (window.L) {
    return Promise.resolve(window.L);
  }
  if (!loading) {
    document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `${LEAFLET}/leaflet.css` }));
    loading = new Promise((resolve) => {
      const script = Object.assign(document.createElement('script'), { src: `${LEAFLET}/leaflet.js` });
      script.addEventListener('load', () => resolve(window.L ?? null), { once: true });
      script.addEventListener('error', () => {
        loading = null;
        resolve(null);
      }, { once: true });
      document.head.append(script);
    });
  }
  return loading;
}
