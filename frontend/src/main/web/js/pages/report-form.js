import { I18n } from '../core/i18n.js';
import { api, ApiError, setApiLanguage } from '../core/api.js';
import { $, $$, el, randomKey } from '../core/dom.js';
import { FormErrors, takeOverSubmit } from '../core/forms.js';
import { QuarterMap } from '../map/QuarterMap.js';
import { AddressSearch } from '../map/AddressSearch.js';
import { privacyNotice } from './privacy-notice.js';

/**
 * The residents' report form: four steps (what, where, contact, review), each checked before
 * the next; the server checks everything again and its field errors are shown in the step they
 * belong to. One Idempotency-Key per report, so a double click or a retry never sends it twice.
 */
const STEPS = ['what', 'where', 'contact', 'review'];
const FIELD_STEPS = { category: 'what', description: 'what', flags: 'what', location: 'where', address: 'where', contact: 'contact', consent: 'contact' };
const MIN_DESCRIPTION = 10;
const MAX_DESCRIPTION = 2000;

class ReportForm {

  constructor(i18n, config, categories) {
    this.i18n = i18n;
    this.config = config;
    this.categories = categories;
    this.form = $('#report-form');
    this.errors = new FormErrors(this.form, $('#error-summary'), i18n);
    this.step = 'what';
    this.location = null;
    this.quarter = null;
    this.map = null;
    this.idempotencyKey = randomKey();
  }

  start() {
    this._renderCategories();
    this._bindDescription();
    this._bindSteps();
    this._bindContact();
    this._bindLocation();
    takeOverSubmit(this.form, () => this._submit());
    $('#new-report').addEventListener('click', () => window.location.assign('/'));
    $('#copy-code').addEventListener('click', () => navigator.clipboard?.writeText($('#tracking-code').textContent));
    document.addEventListener('languagechange', () => this._languageChanged());
    this._languageChanged();
  }

  _languageChanged() {
    setApiLanguage(this.i18n.language);
    for (const label of $$('[data-category-label]')) {
      const category = this.categories.find((candidate) => candidate.code === label.dataset.categoryLabel);
      label.textContent = category.labels[this.i18n.language] || category.labels.de;
    }
    $('#privacy-notice').replaceChildren(privacyNotice((key, values) => this.i18n.t(key, values), this.config.privacy));
    this._updateCount();
    if (this.location) {
      this._showQuarter();
    }
    if (this.step === 'review') {
      this._renderReview();
    }
  }

  // What ------------------------------------------------------------------------------------

  _renderCategories() {
    $('#categories').replaceChildren(...this.categories.map((category) => el('div', { className: 'category' },
      el('input', { type: 'radio', name: 'category', id: `category-${category.code}`, value: category.code }),
      el('label', { for: `category-${category.code}` },
        el('img', { src: `/img/categories/${category.icon}.svg`, alt: '' }),
        el('span', { dataset: { categoryLabel: category.code } }, category.labels.de)))));
  }

  _bindDescription() {
    $('#description').addEventListener('input', () => this._updateCount());
  }

  _descriptionLength() {
    return [...$('#description').value.trim()].length;
  }

  _updateCount() {
    $('#description-count').textContent = this.i18n.t('report.descriptionCount', { count: this._descriptionLength(), max: MAX_DESCRIPTION });
  }

  // Where -----------------------------------------------------------------------------------

  _bindLocation() {
    new AddressSearch($('#address'), {
      i18n: this.i18n,
      status: $('#address-status'),
      onSelect: (result) => this._pick(result.lat, result.lon, result.label),
    });
    $('#use-location').addEventListener('click', () => this._useMyLocation());
  }

  async _ensureMap() {
    if (this.map) {
      this.map.invalidateSize();
      return;
    }
    this.map = new QuarterMap($('#map'), this.config.map, {
      onPick: (lat, lon) => this._pick(lat, lon, null),
      tileNotice: this.i18n.t('map.tilesMissing'),
      label: this.i18n.t('report.mapLabel'),
    });
    await this.map.showQuarters();
  }

  _useMyLocation() {
    const status = $('#quarter-status');
    if (!navigator.geolocation) {
      this._setQuarterStatus(this.i18n.t('report.locationUnavailable'), false);
      return;
    }
    status.textContent = this.i18n.t('report.locating');
    navigator.geolocation.getCurrentPosition(
      (position) => this._pick(position.coords.latitude, position.coords.longitude, null),
      () => this._setQuarterStatus(this.i18n.t('report.locationUnavailable'), false),
      { enableHighAccuracy: true, timeout: 10000 });
  }

  async _pick(lat, lon, label) {
    this.location = { lat, lon };
    this.addressLabel = label;
    if (!label) {
      $('#address').value = '';
    }
    this.map?.setPin(lat, lon, { pan: Boolean(label) || !this.map });
    this.quarter = null;
    try {
      const found = await api(`/api/quarters/locate?lat=${lat}&lon=${lon}`);
      this.quarter = found.quarter;
    }
    catch (failure) {
      this.quarter = null;
    }
    this._showQuarter();
  }

  _showQuarter() {
    if (this.quarter) {
      this._setQuarterStatus(this.i18n.t('report.inQuarter', { quarter: this.quarter.name }), true);
    }
    else {
      this._setQuarterStatus(this.i18n.t('report.outside'), false);
    }
  }

  _setQuarterStatus(text, ok) {
    const status = $('#quarter-status');
    status.textContent = text;
    status.className = `map-status ${ok ? 'map-status--ok' : 'map-status--error'}`;
  }

  // Contact ---------------------------------------------------------------------------------

  _bindContact() {
    for (const radio of $$('input[name="contactChoice"]')) {
      radio.addEventListener('change', () => {
        $('#contact-fields').hidden = !this._wantsContact();
      });
    }
  }

  _wantsContact() {
    return $('#contact-yes').checked;
  }

  _contact() {
    if (!this._wantsContact()) {
      return null;
    }
    const contact = {
      name: $('#contact-name').value.trim() || null,
      email: $('#contact-email').value.trim() || null,
      phone: $('#contact-phone').value.trim() || null,
    };
    return (contact.name || contact.email || contact.phone) ? contact : null;
  }

  // Steps -----------------------------------------------------------------------------------

  _bindSteps() {
    for (const button of $$('[data-next]')) {
      button.addEventListener('click', () => this._next());
    }
    for (const button of $$('[data-back]')) {
      button.addEventListener('click', () => this._show(STEPS[STEPS.indexOf(this.step) - 1]));
    }
  }

  _next() {
    const problems = this._check(this.step);
    if (problems.length) {
      this.errors.show(problems, this.i18n.t('error.summary'));
      return;
    }
    this.errors.clear();
    this._show(STEPS[STEPS.indexOf(this.step) + 1]);
  }

  async _show(step) {
    this.step = step;
    for (const section of $$('[data-step]')) {
      section.hidden = section.dataset.step !== step;
    }
    const current = STEPS.indexOf(step);
    for (const marker of $$('[data-step-marker]')) {
      const index = STEPS.indexOf(marker.dataset.stepMarker);
      marker.classList.toggle('done', index < current);
      if (index === current) {
        marker.setAttribute('aria-current', 'step');
      }
      else {
        marker.removeAttribute('aria-current');
      }
    }
    if (step === 'where') {
      await this._ensureMap();
    }
    if (step === 'review') {
      this._renderReview();
    }
    $(`#step-${step}-heading`).focus();
  }

  _check(step) {
    const problems = [];
    if (step === 'what') {
      if (!this._category()) {
        problems.push({ field: 'category', message: this.i18n.t('error.category') });
      }
      const length = this._descriptionLength();
      if (length < MIN_DESCRIPTION || length > MAX_DESCRIPTION) {
        problems.push({ field: 'description', message: this.i18n.t('error.description', { min: MIN_DESCRIPTION, max: MAX_DESCRIPTION }) });
      }
    }
    if (step === 'where') {
      if (!this.location) {
        problems.push({ field: 'location', message: this.i18n.t('error.location') });
      }
      else if (!this.quarter) {
        problems.push({ field: 'location', message: this.i18n.t('report.outside') });
      }
    }
    if (step === 'contact' && this._wantsContact()) {
      const contact = this._contact();
      if (!contact) {
        problems.push({ field: 'contact.name', message: this.i18n.t('error.contactMissing') });
      }
      if (contact?.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(contact.email)) {
        problems.push({ field: 'contact.email', message: this.i18n.t('error.email') });
      }
      if (contact && !$('#consent').checked) {
        problems.push({ field: 'consent', message: this.i18n.t('error.consent') });
      }
    }
    return problems;
  }

  _category() {
    return $('input[name="category"]:checked')?.value || null;
  }

  _flags() {
    return $$('input[name="flags"]:checked').map((box) => box.value);
  }

  _renderReview() {
    const category = this.categories.find((candidate) => candidate.code === this._category());
    const contact = this._contact();
    const rows = [
      ['report.review.category', category ? (category.labels[this.i18n.language] || category.labels.de) : ''],
      ['report.review.description', $('#description').value.trim()],
      ['report.review.place', [this.addressLabel, this.quarter?.name].filter(Boolean).join(' · ')],
      ['report.review.flags', this._flags().map((flag) => this.i18n.t(`report.flag.${flag}`)).join('; ') || '–'],
      ['report.review.contact', contact ? [contact.name, contact.email, contact.phone].filter(Boolean).join(', ') : this.i18n.t('report.review.anonymous')],
    ];
    $('#review').replaceChildren(...rows.flatMap(([key, value]) => [el('dt', {}, this.i18n.t(key)), el('dd', {}, value)]));
  }

  // Send ------------------------------------------------------------------------------------

  async _submit() {
    const problems = STEPS.flatMap((step) => this._check(step));
    if (problems.length) {
      await this._showServerErrors(problems);
      return;
    }
    const button = $('#submit');
    button.disabled = true;
    const contact = this._contact();
    const report = {
      category: this._category(),
      description: $('#description').value,
      location: this.location,
      address: this.addressLabel || null,
      flags: this._flags(),
      contact,
      consent: Boolean(contact) && $('#consent').checked,
      language: this.i18n.language,
      website: $('#website').value,
    };
    try {
      const receipt = await api('/api/reports', { method: 'POST', body: report, headers: { 'Idempotency-Key': this.idempotencyKey } });
      this._confirm(receipt);
    }
    catch (failure) {
      button.disabled = false;
      await this._showFailure(failure);
    }
  }

  async _showFailure(failure) {
    if (!(failure instanceof ApiError) || failure.status === 0) {
      this.errors.show([{ message: this.i18n.t('error.network') }], this.i18n.t('error.notSent'));
      return;
    }
    if (failure.errors.length) {
      await this._showServerErrors(failure.errors);
      return;
    }
    this.errors.show([{ message: failure.detail || failure.title }], failure.title || this.i18n.t('error.notSent'));
  }

  async _showServerErrors(errors) {
    const first = errors.map((error) => FIELD_STEPS[(error.field || '').split('.')[0]]).find(Boolean) || this.step;
    if (first !== this.step) {
      await this._show(first);
    }
    this.errors.show(errors, this.i18n.t('error.summary'));
  }

  _confirm(receipt) {
    $('#form-section').hidden = true;
    $('#confirmation').hidden = false;
    $('#tracking-code').textContent = receipt.trackingCode;
    $('#status-link').href = receipt.statusPath;
    $('#confirmation-heading').focus();
  }

}

async function start() {
  const [config, categories] = await Promise.all([api('/api/config'), api('/api/categories')]);
  const i18n = new I18n(config.languages);
  await i18n.use(i18n.initialLanguage(), { remember: false });
  i18n.bindSelector($('#language'));
  new ReportForm(i18n, config, categories).start();
}

start();
