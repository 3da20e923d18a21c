import { api } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { isolate } from '../core/format.js';
import { distanceMeters, formatDistance } from '../core/geo.js';

/**
 * "Is it one of these?": open reports of the same category near the chosen place, from the
 * public map (category, status, age; no text, no exact position). Choosing one sends the
 * report as "me too": it joins that incident.
 */
export class NearbyOffer {

  constructor(i18n) {
    this.i18n = i18n;
    this.root = $('#nearby-offer');
    this.list = $('#nearby-list');
    this.reports = [];
  }

  /** Looks for open reports of this category near the place; hides the offer when there are none. */
  async lookFor(category, location) {
    this.reports = [];
    this.place = location;
    if (category && location) {
      try {
        this.reports = await api(`/api/open-reports?lat=${location.lat}&lon=${location.lon}&radius=150&category=${encodeURIComponent(category)}`);
      }
      catch (unavailable) {
        this.reports = [];
      }
    }
    this.render();
  }

  /** The chosen report's ref, or null for "something else". */
  get supports() {
    const chosen = this.list.querySelector('input[name="supports"]:checked');
    return chosen && chosen.value ? Number(chosen.value) : null;
  }

  render() {
    this.root.hidden = this.reports.length === 0;
    const t = (key, values) => this.i18n.t(key, values);
    const choice = (value, id, label, checked = false) => el('div', { className: 'check' },
      el('input', { type: 'radio', name: 'supports', id, value, checked }),
      el('label', { for: id }, label));
    const labels = this.reports.map((report) => this.label(report));
    // Still alike (the same place on the public map's grid, the same day): their numbers tell them apart.
    const alike = (label) => labels.filter((other) => other === label).length > 1;
    this.list.replaceChildren(
      ...this.reports.map((report, index) => choice(String(report.ref), `supports-${report.ref}`,
        // Isolated: in a right-to-left line "#3" would read "3#".
        alike(labels[index]) ? `${labels[index]} · ${isolate(`#${report.ref}`)}` : labels[index])),
      choice('', 'supports-none', t('report.nearbyNone'), true));
  }

  /** Its status, age and distance from the chosen place (to 50 m: the public map's places are coarse). */
  label(report) {
    const t = (key, values) => this.i18n.t(key, values);
    const meters = Math.max(50, Math.round(distanceMeters(this.place, report) / 50) * 50);
    return `${t('report.nearbyItem', {
      status: t(`status.stage.${report.status}`),
      age: report.ageDays === 0 ? t('report.alreadyToday') : t('report.alreadyAge', { count: report.ageDays }),
    })} · ${t('report.nearbyAway', { distance: formatDistance(meters, this.i18n.language) })}`;
  }

}
