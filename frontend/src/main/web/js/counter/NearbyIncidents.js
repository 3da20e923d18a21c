import { api } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { formatDateTime } from '../core/format.js';

/**
 * Open incidents of the same category near the place, offered as radio buttons before saving so
 * that a duplicate is attached, not opened. Only the answer to the latest question is shown.
 */
export class NearbyIncidents {

  /** @param root the fieldset holding #nearby and #nearby-hint */
  constructor(root, i18n) {
    this._container = $('#nearby', root);
    this._hint = $('#nearby-hint', root);
    this._i18n = i18n;
    this._request = 0;
  }

  /** The chosen incident's id, or null for a new incident. */
  get chosen() {
    const value = this._container.querySelector('input[name="attachToIncident"]:checked')?.value;
    return value ? Number(value) : null;
  }

  async load(category, location) {
    const request = ++this._request;
    if (!category || !location) {
      this._container.replaceChildren();
      this._hint.hidden = false;
      return;
    }
    const found = await api(`/api/counter/nearby?category=${encodeURIComponent(category)}&lat=${location.lat}&lon=${location.lon}`);
    if (request !== this._request) {
      return;
    }
    this._hint.hidden = true;
    this._render(found);
  }

  _render(found) {
    const t = (key, params) => this._i18n.t(key, params);
    const summary = el('p', { className: found.length ? 'notice notice--warning' : 'hint' },
      found.length ? t('counter.nearbyFound', { count: found.length }) : t('counter.nearbyNone'));
    const newIncident = el('div', { className: 'check' },
      el('input', { type: 'radio', name: 'attachToIncident', id: 'attach-none', value: '', checked: true }),
      el('label', { for: 'attach-none' }, t('counter.newIncident')));
    this._container.replaceChildren(summary, newIncident, ...found.map((incident) => this._option(incident)));
  }

  _option(incident) {
    const t = (key, params) => this._i18n.t(key, params);
    const id = `attach-${incident.id}`;
    return el('div', { className: 'check' },
      el('input', { type: 'radio', name: 'attachToIncident', id, value: incident.id }),
      el('label', { for: id },
        el('strong', {}, t('counter.nearbyIncident', { id: incident.id, distance: incident.distanceMeters, count: incident.reports })),
        el('br'),
        `${formatDateTime(incident.openedAt, this._i18n.language)} · ${t(`state.${incident.state}`)}${incident.address ? ` · ${incident.address}` : ''}`,
        el('br'),
        el('q', {}, incident.excerpt)));
  }

}
