import { api } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { categoryLabel } from '../core/categories.js';

const L = window.L;

/** How far around the place to look (the server caps it). */
const RADIUS_METRES = 500;

/** Half a grid cell of the public map: a circle of this size covers the cell, not a house. */
const CELL_RADIUS_METRES = 55;

/**
 * "See what is already reported": on request, the open reports near the chosen place (or, before
 * one is chosen, near the map's centre), as circles on the form's map and as a list under it for
 * everyone who does not use the map. The public map answers only category, status, age and the
 * centre of a grid cell of about 100 m (README, "The public map"), so nothing here points to a
 * home or a person.
 */
export class AlreadyReported {

  /**
   * @param i18n the page's translations
   * @param categories the categories from /api/categories, for their names
   * @param picker the form's LocationPicker (its place and its map)
   */
  constructor(i18n, categories, picker) {
    this._i18n = i18n;
    this._categories = categories;
    this._picker = picker;
    this._button = $('#already-reported-toggle');
    this._panel = $('#already-reported');
    this._list = $('#already-reported-list');
    this._summary = $('#already-reported-summary');
    this._layer = null;
    this._reports = [];
    this._failed = false;
    this._generation = 0;
    this.shown = false;
  }

  start() {
    this._button.addEventListener('click', () => this.toggle());
    document.addEventListener('languagechange', () => this._render());
  }

  async toggle() {
    this.shown = !this.shown;
    this._button.setAttribute('aria-pressed', String(this.shown));
    this._button.textContent = this._i18n.t(this.shown ? 'report.alreadyHide' : 'report.alreadyShow');
    this._panel.hidden = !this.shown;
    if (this.shown) {
      await this.refresh();
    }
    else {
      this._reports = [];
      this._render();
    }
  }

  /** Looks again around the current place; a no-op while hidden. */
  async refresh() {
    if (!this.shown) {
      return;
    }
    const generation = ++this._generation;
    const place = this._picker.location ?? this._picker.mapCentre();
    let reports = [];
    let failed = false;
    if (place) {
      try {
        reports = await api(`/api/open-reports?lat=${place.lat}&lon=${place.lon}&radius=${RADIUS_METRES}`);
      }
      catch (unavailable) {
        failed = true;
      }
    }
    if (generation !== this._generation) {
      return;
    }
    this._reports = reports;
    this._failed = failed;
    this._render();
  }

  _render() {
    const t = (key, values) => this._i18n.t(key, values);
    this._button.textContent = t(this.shown ? 'report.alreadyHide' : 'report.alreadyShow');
    this._drawOnMap();
    if (!this.shown) {
      this._list.replaceChildren();
      this._summary.textContent = '';
      return;
    }
    this._summary.textContent = this._failed ? t('report.alreadyUnavailable')
      : this._reports.length === 0 ? t('report.alreadyNone') : t('report.alreadyFound', { count: this._reports.length });
    this._list.replaceChildren(...this._reports.map((report) => el('li', {}, this._describe(report))));
  }

  _describe(report) {
    const t = (key, values) => this._i18n.t(key, values);
    return t('report.alreadyItem', {
      category: categoryLabel(this._categories, report.category, this._i18n.language),
      status: t(`status.stage.${report.status}`),
      age: report.ageDays === 0 ? t('report.alreadyToday') : t('report.alreadyAge', { count: report.ageDays }),
    });
  }

  _drawOnMap() {
    const map = this._picker.leafletMap;
    if (this._layer) {
      this._layer.remove();
      this._layer = null;
    }
    if (!map || !this.shown || this._reports.length === 0) {
      return;
    }
    // Not interactive and not in the Tab order: the list under the map says the same.
    this._layer = L.layerGroup(this._reports.map((report) => L.circle([report.lat, report.lon], {
      radius: CELL_RADIUS_METRES, color: '#8a4b00', weight: 2, fillColor: '#f0a830', fillOpacity: 0.35,
      interactive: false, keyboard: false, className: 'already-reported-cell',
    }))).addTo(map);
  }

}
