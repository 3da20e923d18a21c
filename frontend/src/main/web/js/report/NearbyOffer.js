import { api } from '../core/api.js';
import { $, el } from '../core/dom.js';

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
    this.list.replaceChildren(
      ...this.reports.map((report) => choice(String(report.ref), `supports-${report.ref}`,
        t('report.nearbyItem', {
          status: t(`status.stage.${report.status}`),
          age: report.ageDays === 0 ? t('report.alreadyToday') : t('report.alreadyAge', { count: report.ageDays }),
        }))),
      choice('', 'supports-none', t('report.nearbyNone'), true));
  }

}
