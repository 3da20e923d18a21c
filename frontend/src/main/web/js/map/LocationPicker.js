import { api } from '../core/api.js';
import { QuarterMap } from './QuarterMap.js';
import { AddressSearch } from './AddressSearch.js';

/**
 * Where something happened, picked one of three ways: an address from the search, a tap on the
 * map (the pin can be dragged), or a known point (the device's position, a contact point). Each
 * way ends in pick(): the pin is set, the address field shows the address (or is emptied for a
 * bare point), the server names the quarter, and a `change` event bubbles from the address field
 * so that the form (FormErrors) sees the field was corrected.
 *
 * The elements are found by id inside `root`: address, address-status, map, quarter-status.
 */
export class LocationPicker {

  /**
   * @param root the element holding the picker's elements
   * @param options i18n; map, the map part of /api/config; mapLabel, the key of the map's
   *   accessible name; outside, the key of the text for a place outside every quarter;
   *   onChange({ location, quarter, address }) after each pick
   */
  constructor(root, { i18n, map, mapLabel, outside, onChange = () => {} }) {
    this._i18n = i18n;
    this._mapConfig = map;
    this._mapLabel = mapLabel;
    this._outside = outside;
    this._onChange = onChange;
    this._address = root.querySelector('#address');
    this._status = root.querySelector('#quarter-status');
    this._mapElement = root.querySelector('#map');
    this._map = null;
    this._generation = 0;
    this.location = null;
    this.quarter = null;
    this.address = null;
    /** For a point without an address (tap, device position): the nearest known address, to show. */
    this.nearAddress = null;
    new AddressSearch(this._address, {
      i18n,
      status: root.querySelector('#address-status'),
      onSelect: (result) => this.pick(result.lat, result.lon, result.label),
    });
    document.addEventListener('languagechange', () => {
      this._showQuarter();
      this._map?.relabelPin();
      this._map?.setTileNotice(this._i18n.t('map.tilesMissing'));
      if (this._keysHint) {
        this._keysHint.textContent = this._i18n.t('map.keyboardHint');
      }
    });
  }

  /** Draws the map (once; again only its size, e.g. when its step becomes visible). */
  async showMap() {
    if (this._map) {
      this._map.invalidateSize();
      return;
    }
    this._map = new QuarterMap(this._mapElement, this._mapConfig, {
      onPick: (lat, lon) => this.pick(lat, lon, null),
      tileNotice: this._i18n.t('map.tilesMissing'),
      label: this._i18n.t(this._mapLabel),
      pinLabel: () => this._i18n.t('map.pin'),
      t: (key) => this._i18n.t(key),
    });
    // How to pick from the keyboard: the map's description, and shown over the map while it
    // has the keyboard (over it, not under it: the buttons below must not move when it goes).
    this._keysHint = Object.assign(document.createElement('p'), {
      className: 'map-keyboard-hint', id: `${this._mapElement.id}-keys`, textContent: this._i18n.t('map.keyboardHint'),
    });
    this._mapElement.append(this._keysHint);
    this._mapElement.setAttribute('aria-describedby', this._keysHint.id);
    if (this.location) {
      this._map.setPin(this.location.lat, this.location.lon);
    }
    await this._map.showQuarters();
  }

  /** The Leaflet map once it is drawn, else null (for layers of other modules). */
  get leafletMap() {
    return this._map?.leaflet ?? null;
  }

  /** Where the map looks now, or null before it is drawn. */
  mapCentre() {
    const centre = this._map?.leaflet.getCenter();
    return centre ? { lat: centre.lat, lon: centre.lng } : null;
  }

  /** The device's position, if the browser has one and the user allows it. */
  useDevicePosition() {
    if (!navigator.geolocation) {
      this._setStatus(this._i18n.t('report.locationUnavailable'), false);
      return;
    }
    this._setStatus(this._i18n.t('report.locating'), null);
    navigator.geolocation.getCurrentPosition(
      (position) => this.pick(position.coords.latitude, position.coords.longitude, null),
      () => this._setStatus(this._i18n.t('report.locationUnavailable'), false),
      { enableHighAccuracy: true, timeout: 10000 });
  }

  /** Sets the place; `address` is its address when known (search, contact point), else null. */
  async pick(lat, lon, address) {
    const generation = ++this._generation;
    this.location = { lat, lon };
    this.address = address;
    this._address.value = address ?? '';
    this._map?.setPin(lat, lon, { pan: Boolean(address) });
    const [quarter, near] = await Promise.all([this._locate(lat, lon), address ? null : this._nearestAddress(lat, lon)]);
    if (generation !== this._generation) {
      return;
    }
    this.quarter = quarter;
    this.nearAddress = near;
    this._showQuarter();
    this._address.dispatchEvent(new Event('change', { bubbles: true }));
    this._onChange({ location: this.location, quarter: this.quarter, address: this.address });
  }

  clear() {
    this._generation += 1;
    this.location = null;
    this.quarter = null;
    this.address = null;
    this.nearAddress = null;
    this._address.value = '';
    this._map?.clearPin();
    this._setStatus('', null);
  }

  /** The gazetteer's address nearest to a tapped point (within a short distance), or null. */
  async _nearestAddress(lat, lon) {
    try {
      return (await api(`/api/geocode/reverse?lat=${lat}&lon=${lon}`)).address?.label ?? null;
    }
    catch (failure) {
      return null;
    }
  }

  async _locate(lat, lon) {
    try {
      return (await api(`/api/quarters/locate?lat=${lat}&lon=${lon}`)).quarter ?? null;
    }
    catch (failure) {
      return null;
    }
  }

  _showQuarter() {
    if (!this.location) {
      return;
    }
    if (this.quarter) {
      const inQuarter = this._i18n.t('report.inQuarter', { quarter: this.quarter.name });
      const near = this.nearAddress ? ` · ${this._i18n.t('report.nearAddress', { address: this.nearAddress })}` : '';
      this._setStatus(inQuarter + near, true);
    }
    else {
      this._setStatus(this._i18n.t(this._outside), false);
    }
  }

  _setStatus(text, ok) {
    this._status.textContent = text;
    this._status.className = ok === null ? 'map-status' : `map-status ${ok ? 'map-status--ok' : 'map-status--error'}`;
  }

}
