import { api, ApiError } from '../core/api.js';
import { $, $$, el, formatDateTime } from '../core/dom.js';
import { FormErrors, takeOverSubmit } from '../core/forms.js';
import { QuarterMap } from '../map/QuarterMap.js';
import { AddressSearch } from '../map/AddressSearch.js';
import { privacyNotice } from './privacy-notice.js';
import { startStaffPage } from './staff.js';

/**
 * The contact-point counter: a walk-in, call or e-mail entered from the keyboard; open
 * incidents nearby offered before saving so that a duplicate is attached, not opened; a
 * printable receipt in the reporter's language.
 */
class CounterPage {

  constructor(i18n, me, config, categories, contactPoints) {
    this.i18n = i18n;
    this.me = me;
    this.config = config;
    this.categories = categories;
    this.contactPoints = contactPoints;
    this.form = $('#counter-form');
    this.errors = new FormErrors(this.form, $('#error-summary'), i18n);
    this.location = null;
    this.addressLabel = null;
    this.quarter = null;
    this.nearbyRequest = 0;
  }

  async start() {
    this._fillSelects();
    this._bindContactChoice();
    this.map = new QuarterMap($('#map'), this.config.map, {
      onPick: (lat, lon) => this._pick(lat, lon, null),
      tileNotice: this.i18n.t('map.tilesMissing'),
    });
    new AddressSearch($('#address'), { i18n: this.i18n, status: $('#address-status'), onSelect: (result) => this._pick(result.lat, result.lon, result.label) });
    $('#use-contact-point').addEventListener('click', () => {
      const point = this._contactPoint();
      if (point) {
        this._pick(point.lat, point.lon, `${point.street} ${point.houseNumber}, ${point.postcode} ${point.city}`);
      }
    });
    $('#category').addEventListener('change', () => this._loadNearby());
    takeOverSubmit(this.form, () => this._save());
    this.form.addEventListener('reset', () => setTimeout(() => this._cleared()));
    this.form.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this._save();
      }
    });
    $('#print').addEventListener('click', () => window.print());
    $('#next-entry').addEventListener('click', () => this._nextEntry());
    document.addEventListener('languagechange', () => this._fillSelects(true));
    await this.map.showQuarters();
    $('#category').focus();
  }

  _fillSelects(keepValues = false) {
    const previous = keepValues ? { category: $('#category').value, point: $('#contact-point').value, language: $('#reporter-language').value } : {};
    $('#category').replaceChildren(el('option', { value: '' }, this.i18n.t('counter.chooseCategory')),
      ...this.categories.map((category) => el('option', { value: category.code }, category.labels[this.i18n.language] || category.labels.de)));
    $('#contact-point').replaceChildren(...this.contactPoints.map((point) => el('option', { value: point.id }, point.name)));
    $('#reporter-language').replaceChildren(...this.config.languages.map((language) => el('option', { value: language.code, lang: language.code }, this.i18n.t(`language.${language.code}`))));
    $('#category').value = previous.category || '';
    $('#contact-point').value = previous.point || String(this.me.contactPointId ?? this.contactPoints[0]?.id ?? '');
    $('#reporter-language').value = previous.language || 'de';
  }

  _bindContactChoice() {
    $('#no-contact').addEventListener('change', () => {
      const none = $('#no-contact').checked;
      for (const input of $$('#contact-fields input')) {
        input.disabled = none;
      }
      $('#contact-fields').hidden = none;
    });
  }

  _contactPoint() {
    return this.contactPoints.find((point) => String(point.id) === $('#contact-point').value);
  }

  async _pick(lat, lon, label) {
    this.location = { lat, lon };
    this.addressLabel = label;
    if (!label) {
      $('#address').value = '';
    }
    this.map.setPin(lat, lon, { pan: Boolean(label) });
    try {
      this.quarter = (await api(`/api/quarters/locate?lat=${lat}&lon=${lon}`)).quarter;
      this._quarterStatus(this.i18n.t('report.inQuarter', { quarter: this.quarter.name }), true);
    }
    catch (failure) {
      this.quarter = null;
      this._quarterStatus(this.i18n.t('counter.outside'), false);
    }
    this._loadNearby();
  }

  _quarterStatus(text, ok) {
    const status = $('#quarter-status');
    status.textContent = text;
    status.className = `map-status ${ok ? 'map-status--ok' : 'map-status--error'}`;
  }

  async _loadNearby() {
    const category = $('#category').value;
    const container = $('#nearby');
    if (!category || !this.location) {
      container.replaceChildren();
      $('#nearby-hint').hidden = false;
      return;
    }
    const request = ++this.nearbyRequest;
    const found = await api(`/api/counter/nearby?category=${encodeURIComponent(category)}&lat=${this.location.lat}&lon=${this.location.lon}`);
    if (request !== this.nearbyRequest) {
      return;
    }
    $('#nearby-hint').hidden = true;
    const options = [el('div', { className: 'check' },
      el('input', { type: 'radio', name: 'attachToIncident', id: 'attach-none', value: '', checked: true }),
      el('label', { for: 'attach-none' }, this.i18n.t('counter.newIncident')))];
    for (const incident of found) {
      const id = `attach-${incident.id}`;
      options.push(el('div', { className: 'check' },
        el('input', { type: 'radio', name: 'attachToIncident', id, value: incident.id }),
        el('label', { for: id },
          el('strong', {}, this.i18n.t('counter.nearbyIncident', { id: incident.id, distance: incident.distanceMeters, reports: incident.reports })),
          el('br'),
          `${formatDateTime(incident.openedAt, this.i18n.language)} · ${this.i18n.t(`state.${incident.state}`)}${incident.address ? ` · ${incident.address}` : ''}`,
          el('br'),
          el('q', {}, incident.excerpt))));
    }
    const summary = el('p', { className: found.length ? 'notice notice--warning' : 'hint' },
      found.length ? this.i18n.t('counter.nearbyFound', { count: found.length }) : this.i18n.t('counter.nearbyNone'));
    container.replaceChildren(summary, ...options);
  }

  _request() {
    const none = $('#no-contact').checked;
    const contact = none ? null : {
      name: $('#contact-name').value.trim() || null,
      phone: $('#contact-phone').value.trim() || null,
      email: $('#contact-email').value.trim() || null,
    };
    const attach = $('input[name="attachToIncident"]:checked')?.value;
    return {
      channel: $('input[name="channel"]:checked').value,
      contactPointId: Number($('#contact-point').value),
      category: $('#category').value,
      description: $('#description').value,
      location: this.location,
      address: this.addressLabel,
      flags: $$('input[name="flags"]:checked').map((box) => box.value),
      contact: (contact && (contact.name || contact.phone || contact.email)) ? contact : null,
      noContact: none,
      consent: $('#consent').checked,
      language: $('#reporter-language').value,
      interpreterNeeded: $('#interpreter').checked,
      attachToIncident: attach ? Number(attach) : null,
    };
  }

  async _save() {
    const request = this._request();
    const problems = [];
    if (!request.category) {
      problems.push({ field: 'category', message: this.i18n.t('error.category') });
    }
    if (!request.location) {
      problems.push({ field: 'location', message: this.i18n.t('error.location') });
    }
    if (problems.length) {
      this.errors.show(problems, this.i18n.t('error.summary'));
      return;
    }
    const button = $('#save');
    button.disabled = true;
    try {
      const receipt = await api('/api/counter/reports', { method: 'POST', body: request });
      await this._showReceipt(receipt, request);
    }
    catch (failure) {
      const errors = (failure instanceof ApiError && failure.errors.length) ? failure.errors
        : [{ message: failure instanceof ApiError && failure.status ? (failure.detail || failure.title) : this.i18n.t('error.network') }];
      this.errors.show(errors, this.i18n.t('error.summary'));
    }
    finally {
      button.disabled = false;
    }
  }

  async _showReceipt(receipt, request) {
    const t = await this.i18n.translator(receipt.language);
    const category = this.categories.find((candidate) => candidate.code === request.category);
    const section = $('#receipt');
    const body = $('#receipt-body');
    body.lang = receipt.language;
    body.dir = this.config.languages.find((language) => language.code === receipt.language)?.rightToLeft ? 'rtl' : 'ltr';
    $('#receipt-heading').textContent = t('receipt.heading');
    $('#receipt-intro').textContent = t('receipt.intro', { contactPoint: this._contactPoint()?.name ?? '' });
    $('#receipt-code').textContent = receipt.trackingCode;
    $('#receipt-status-label').textContent = t('receipt.statusLabel');
    const url = `${window.location.origin}${receipt.statusPath}`;
    $('#receipt-status-url').replaceChildren(el('a', { href: receipt.statusPath }, url));
    $('#receipt-date-label').textContent = t('receipt.dateLabel');
    $('#receipt-date').textContent = formatDateTime(receipt.submittedAt, receipt.language);
    $('#receipt-category-label').textContent = t('receipt.categoryLabel');
    $('#receipt-category').textContent = category?.labels[receipt.language] || category?.labels.de || request.category;
    $('#receipt-place-label').textContent = t('receipt.placeLabel');
    $('#receipt-place').textContent = [request.address, receipt.quarter].filter(Boolean).join(' · ') || '–';
    $('#receipt-privacy-heading').textContent = t('privacy.title');
    $('#receipt-privacy').replaceChildren(privacyNotice(t, this.config.privacy));
    $('#receipt-emergency').textContent = t('report.emergencyText');
    $('#entry').hidden = true;
    section.hidden = false;
    $('#receipt-heading').focus();
  }

  _nextEntry() {
    this.form.reset();
    $('#receipt').hidden = true;
    $('#entry').hidden = false;
    $('#category').focus();
  }

  _cleared() {
    this.location = null;
    this.addressLabel = null;
    this.quarter = null;
    this.map.clearPin();
    $('#quarter-status').textContent = '';
    $('#contact-fields').hidden = false;
    for (const input of $$('#contact-fields input')) {
      input.disabled = false;
    }
    this.errors.clear();
    this._fillSelects();
    this._loadNearby();
  }

}

async function start() {
  const { i18n, me } = await startStaffPage();
  const [config, categories, contactPoints] = await Promise.all([api('/api/config'), api('/api/categories'), api('/api/contact-points')]);
  await new CounterPage(i18n, me, config, categories, contactPoints).start();
}

start();
