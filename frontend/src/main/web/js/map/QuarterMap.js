/**
 * A Leaflet map of the city's quarters. The quarter polygons come from this server, so the map
 * is usable even when the tile server (configuration) cannot be reached: then the polygons are
 * drawn on a plain background and a short note says the background is missing.
 *
 * The map is one Tab stop (its container: arrow keys pan, + and - zoom): Leaflet's zoom buttons,
 * attribution links and the pin would otherwise add a stop each between a form's fields.
 *
 * Leaflet is loaded as a classic script (WebJar) and used through window.L.
 */
const L = window.L;

const QUARTER_STYLE = { color: '#1d3f72', weight: 1.5, fillColor: '#1d3f72', fillOpacity: 0.06 };
const TILE_FAILURES_BEFORE_NOTICE = 3;

export class QuarterMap {

  /**
   * @param element the map's container
   * @param config the map part of /api/config
   * @param options onPick(lat, lon) is called when the user taps or drags the pin;
   *   tileNotice is the text shown when tiles fail; minZoom, how far out the map may be zoomed;
   *   pinLabel() names the pin for screen readers in the page's current language; t translates
   *   (the zoom buttons' names, in the page's language also after it changes)
   */
  constructor(element, config, { onPick = null, tileNotice = '', label = '', minZoom = 0, pinLabel = () => '', t = null } = {}) {
    this._config = config;
    this._onPick = onPick;
    this._pinLabel = pinLabel;
    this._pin = null;
    this._map = L.map(element, { zoomControl: true, keyboard: true, minZoom, maxZoom: 19 }).setView([config.centerLat, config.centerLon], config.zoom);
    // A label or notice given as a function is said again in the new language on a switch.
    if (label) {
      element.setAttribute('aria-label', textOf(label));
    }
    // Leaflet's own link, without its English title.
    this._map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
    this._map.attributionControl.addAttribution(config.quarterAttribution);
    if (t) {
      this._nameZoomButtons(element, t);
    }
    document.addEventListener('languagechange', () => {
      if (t) {
        this._nameZoomButtons(element, t);
      }
      if (typeof label === 'function') {
        element.setAttribute('aria-label', label());
      }
      if (typeof tileNotice === 'function') {
        this.setTileNotice(tileNotice());
      }
    });
    this._addTiles(element, textOf(tileNotice));
    this._keepOneTabStop(element);
    // Leaflet reads its size once: a container that grows or shrinks later (a fieldset shown
    // above it, a scrollbar, a turned phone) would otherwise turn a tap into the wrong place.
    new ResizeObserver(() => this._map.invalidateSize()).observe(element);
    if (onPick) {
      this._map.on('click', (event) => this._pick(event.latlng.lat, event.latlng.lng));
      // From the keyboard: the arrow keys move the map (Leaflet), Enter or Space picks the
      // place under the cross in its middle (drawn while the map has the keyboard).
      element.classList.add('map--pickable');
      // A pan or zoom from the keys is animated: Enter pressed during it picks where the
      // cross ends up, not where the map was when the key went down.
      let moving = false;
      let pickWhenStill = false;
      this._map.on('movestart', () => { moving = true; });
      this._map.on('moveend', () => {
        moving = false;
        if (pickWhenStill) {
          pickWhenStill = false;
          this._pickCentre();
        }
      });
      element.addEventListener('keydown', (event) => {
        if (event.target === element && (event.key === 'Enter' || event.key === ' ') && !event.repeat) {
          event.preventDefault();
          if (moving) {
            pickWhenStill = true;
          }
          else {
            this._pickCentre();
          }
        }
      });
    }
  }

  _pickCentre() {
    const centre = this._map.getCenter();
    this._pick(centre.lat, centre.lng);
  }

  get leaflet() {
    return this._map;
  }

  /** @param quarters the quarters' GeoJSON when the page has it already; otherwise it is fetched */
  async showQuarters(quarters = null) {
    if (!quarters) {
      const response = await fetch('/api/quarters', { headers: { Accept: 'application/geo+json' } });
      quarters = await response.json();
    }
    this._quarters = L.geoJSON(quarters, {
      style: () => QUARTER_STYLE,
      interactive: false,
    }).addTo(this._map);
    this._quarters.bringToBack();
    return quarters;
  }

  /** Places (or moves) the pin without telling onPick: the caller already knows. */
  setPin(lat, lon, { pan = true } = {}) {
    if (!this._pin) {
      this._pin = L.marker([lat, lon], { draggable: Boolean(this._onPick), keyboard: false, autoPan: true });
      this._pin.on('dragend', () => {
        const position = this._pin.getLatLng();
        this._onPick(position.lat, position.lng);
      });
      this._pin.addTo(this._map);
    }
    else {
      this._pin.setLatLng([lat, lon]);
    }
    this.relabelPin();
    if (pan) {
      this._map.setView([lat, lon], Math.max(this._map.getZoom(), 16));
    }
  }

  /** Names the pin in the page's language (Leaflet's own alt text is the English "Marker"). */
  relabelPin() {
    this._pin?.getElement()?.setAttribute('alt', this._pinLabel());
  }

  clearPin() {
    if (this._pin) {
      this._pin.remove();
      this._pin = null;
    }
  }

  invalidateSize() {
    this._map.invalidateSize();
  }

  _pick(lat, lon) {
    this.setPin(lat, lon, { pan: false });
    this._onPick(lat, lon);
  }

  _keepOneTabStop(element) {
    const untab = () => {
      for (const focusable of element.querySelectorAll('.leaflet-control-container a, .leaflet-control-container button')) {
        focusable.setAttribute('tabindex', '-1');
      }
    };
    untab();
    new MutationObserver(untab).observe(element.querySelector('.leaflet-control-container'), { childList: true, subtree: true });
  }

  /** Leaflet names its zoom buttons in English ("Zoom in"), also on a German or Arabic page. */
  _nameZoomButtons(element, t) {
    for (const [selector, key] of [['.leaflet-control-zoom-in', 'map.zoomIn'], ['.leaflet-control-zoom-out', 'map.zoomOut']]) {
      const button = element.querySelector(selector);
      button?.setAttribute('title', t(key));
      button?.setAttribute('aria-label', t(key));
    }
  }

  /** The notice about a missing background, in the page's (new) language. */
  setTileNotice(text) {
    this._tileNotice = text;
    if (this._tileNote) {
      this._tileNote.textContent = text;
    }
  }

  _addTiles(element, tileNotice) {
    this._tileNotice = tileNotice;
    if (!this._config.tileUrl) {
      return;
    }
    let failures = 0;
    const tiles = L.tileLayer(this._config.tileUrl, { attribution: this._config.tileAttribution, maxZoom: 19 });
    tiles.on('tileerror', () => {
      failures += 1;
      if (failures === TILE_FAILURES_BEFORE_NOTICE && this._tileNotice) {
        this._tileNote = document.createElement('p');
        this._tileNote.textContent = this._tileNotice;
        // In the attribution's corner, Leaflet stacks the note above it however many lines
        // the attribution takes on a narrow screen.
        const corner = element.querySelector('.leaflet-control-attribution')?.parentElement;
        this._tileNote.className = corner ? 'leaflet-control map-tiles-missing map-tiles-missing--stacked' : 'map-tiles-missing';
        if (corner) {
          corner.prepend(this._tileNote);
        }
        else {
          element.append(this._tileNote);
        }
      }
    });
    tiles.addTo(this._map);
  }

}

function textOf(value) {
  return typeof value === 'function' ? value() : value;
}
