import { api, ApiError } from '../core/api.js';
import { $, $$, el, focusUnlessTyping, randomKey } from '../core/dom.js';
import { takeOverSubmit } from '../core/forms.js';
import { FormErrors } from '../core/FormErrors.js';
import { categoryLabel } from '../core/categories.js';
import { LocationPicker } from '../map/LocationPicker.js';
import { checkContact, checkWhat, checkWhere, contactFrom } from '../intake/reportChecks.js';
import { NearbyIncidents } from './NearbyIncidents.js';
import { CounterReceipt } from './CounterReceipt.js';
import { PhotoPicker } from '../intake/PhotoPicker.js';
import { staffLanguageName } from '../core/languageNames.js';

/**
 * The contact-point counter: a walk-in, call or e-mail entered from the keyboard; every problem
 * shown at once before saving; open incidents nearby offered so that a duplicate is attached,
 * not opened; a printable receipt in the reporter's language.
 */
export class CounterForm {

  constructor(i18n, me, config, categories, contactPoints) {
    this.i18n = i18n;
    this.me = me;
    this.config = config;
    this.categories = categories;
    this.contactPoints = contactPoints;
    this.form = $('#counter-form');
    this.errors = new FormErrors(this.form, $('#error-summary'), i18n, { check: () => this._check(this._request()) });
    this.nearby = new NearbyIncidents($('#nearby-panel'), i18n);
    this.receipt = new CounterReceipt(i18n, config, categories);
    this._saving = false;
    this._sent = null;
    this.photos = new PhotoPicker(i18n, (code) => `/api/counter/reports/${encodeURIComponent(code)}/photos`);
    this.place = new LocationPicker($('#place'), {
      i18n, map: config.map, mapLabel: 'counter.mapLabel', outside: 'counter.outside', onChange: () => this._loadNearby(),
    });
  }

  async start() {
    this._fillSelects();
    this.photos.start();
    $('#no-contact').addEventListener('change', () => this._showContactFields(!$('#no-contact').checked));
    $('#use-contact-point').addEventListener('click', () => this._useContactPoint());
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
    await this.place.showMap();
    focusUnlessTyping($('#category'), this.form);
  }

  _fillSelects(keepValues = false) {
    const previous = keepValues ? { category: $('#category').value, point: $('#contact-point').value, language: $('#reporter-language').value } : {};
    $('#category').replaceChildren(el('option', { value: '' }, this.i18n.t('counter.chooseCategory')),
      ...this.categories.filter((category) => category.active !== false)
        .map((category) => el('option', { value: category.code }, categoryLabel(this.categories, category.code, this.i18n.language))));
    $('#contact-point').replaceChildren(...this.contactPoints.map((point) => el('option', { value: point.id }, point.name)));
    $('#reporter-language').replaceChildren(...this.config.languages.map((language) => el('option', { value: language.code }, staffLanguageName(language.code, this.i18n.language, (key) => this.i18n.t(key)))));
    $('#category').value = previous.category || '';
    $('#contact-point').value = previous.point || String(this.me.contactPointId ?? this.contactPoints[0]?.id ?? '');
    $('#reporter-language').value = previous.language || 'de';
  }

  _showContactFields(shown) {
    for (const input of $$('#contact-fields input')) {
      input.disabled = !shown;
    }
    $('#contact-fields').hidden = !shown;
  }

  _contactPoint() {
    return this.contactPoints.find((point) => String(point.id) === $('#contact-point').value);
  }

  _useContactPoint() {
    const point = this._contactPoint();
    if (point) {
      this.place.pick(point.lat, point.lon, `${point.street} ${point.houseNumber}, ${point.postcode} ${point.city}`);
    }
  }

  _loadNearby() {
    return this.nearby.load($('#category').value, this.place.location);
  }

  _request() {
    const noContact = $('#no-contact').checked;
    return {
      channel: $('input[name="channel"]:checked').value,
      contactPointId: Number($('#contact-point').value),
      category: $('#category').value,
      description: $('#description').value,
      location: this.place.location,
      address: this.place.address,
      flags: $$('input[name="flags"]:checked').map((box) => box.value),
      contact: noContact ? null : contactFrom({ name: $('#contact-name').value, email: $('#contact-email').value, phone: $('#contact-phone').value }),
      noContact,
      consent: $('#consent').checked,
      language: $('#reporter-language').value,
      interpreterNeeded: $('#interpreter').checked,
      attachToIncident: this.nearby.chosen,
    };
  }

  /** Everything the counter can check itself, all at once (the server checks again). */
  _check(request) {
    return [
      ...checkWhat(request),
      ...checkWhere({ location: request.location }, { inQuarter: false }),
      ...(request.noContact ? [] : checkContact(request, { missing: 'counter.error.contact', noConsent: 'counter.error.consent' })),
    ];
  }

  async _save() {
    // Ctrl+Enter reaches here past the disabled button: one walk-in is saved once.
    if (this._saving) {
      return;
    }
    const request = this._request();
    const problems = this._check(request);
    if (problems.length) {
      this.errors.show(problems);
      return;
    }
    const button = $('#save');
    button.disabled = true;
    this._saving = true;
    try {
      const receipt = await api('/api/counter/reports', { method: 'POST', body: request, headers: { 'Idempotency-Key': this._keyFor(request) } });
      this.errors.clear();
      await this.receipt.show(receipt, request, this._contactPoint());
      await this.photos.upload(receipt.trackingCode, $('#photo-results'));
    }
    catch (failure) {
      const errors = (failure instanceof ApiError && failure.errors.length) ? failure.errors
        : [failure instanceof ApiError && failure.status ? { message: failure.detail || failure.title } : { key: 'error.network' }];
      this.errors.show(errors);
    }
    finally {
      button.disabled = false;
      this._saving = false;
    }
  }

  /**
   * One key per entry as sent: a retry after a lost answer is stored once and answered with the
   * same receipt; an entry changed after a failure is a new submission.
   */
  _keyFor(request) {
    const body = JSON.stringify(request);
    if (body !== this._sent?.body) {
      this._sent = { body, key: randomKey() };
    }
    return this._sent.key;
  }

  _nextEntry() {
    this.form.reset();
    $('#photo-results').hidden = true;
    $('#receipt').hidden = true;
    $('#entry').hidden = false;
    $('#category').focus();
  }

  _cleared() {
    this._sent = null;
    this.place.clear();
    this.photos.clear();
    this._showContactFields(true);
    this.errors.clear();
    this._fillSelects();
    this._loadNearby();
  }

}
