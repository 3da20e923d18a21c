import { api, ApiError, setApiLanguage } from '../core/api.js';
import { $, $$, el, randomKey } from '../core/dom.js';
import { takeOverSubmit } from '../core/forms.js';
import { FormErrors } from '../core/FormErrors.js';
import { categoryLabel } from '../core/categories.js';
import { formatList, isolate } from '../core/format.js';
import { NearbyOffer } from './NearbyOffer.js';
import { AlreadyReported } from './AlreadyReported.js';
import { PhotoPicker } from '../intake/PhotoPicker.js';
import { LocationPicker } from '../map/LocationPicker.js';
import { MAX_DESCRIPTION, checkContact, checkWhat, checkWhere, contactFrom, descriptionLength } from '../intake/reportChecks.js';
import { privacyNotice } from '../intake/privacyNotice.js';

/**
 * The residents' report form: four steps (what, where, contact, review), each checked before
 * the next; the server checks everything again and its field errors are shown in the step they
 * belong to. One Idempotency-Key per report, so a double click or a retry never sends it twice.
 */
const STEPS = ['what', 'where', 'contact', 'review'];
const FIELD_STEPS = { category: 'what', description: 'what', flags: 'what', location: 'where', address: 'where', contact: 'contact', consent: 'contact' };

export class ReportForm {

  constructor(i18n, config, categories) {
    this.i18n = i18n;
    this.config = config;
    this.categories = categories;
    this.form = $('#report-form');
    this.errors = new FormErrors(this.form, $('#error-summary'), i18n, { check: () => this._check(this.step) });
    this.step = 'what';
    this.idempotencyKey = randomKey();
    this.nearby = new NearbyOffer(i18n);
    this.photos = new PhotoPicker(i18n);
    this.place = new LocationPicker($('[data-step="where"]'), {
      i18n, map: config.map, mapLabel: 'report.mapLabel', outside: 'report.outside',
      onChange: ({ location }) => {
        this.nearby.lookFor(this._category(), location);
        this.alreadyReported.refresh();
      },
    });
    this.alreadyReported = new AlreadyReported(i18n, categories, this.place);
  }

  start() {
    this._renderCategories();
    this.photos.start();
    this.alreadyReported.start();
    $('#description').addEventListener('input', () => this._updateCount());
    this._bindSteps();
    $$('input[name="contactChoice"]').forEach((radio) => radio.addEventListener('change', () => {
      $('#contact-fields').hidden = !this._wantsContact();
    }));
    $('#use-location').addEventListener('click', () => this.place.useDevicePosition());
    takeOverSubmit(this.form, () => this._submit());
    $('#new-report').addEventListener('click', () => window.location.assign('/'));
    $('#copy-code').addEventListener('click', () => navigator.clipboard?.writeText($('#tracking-code').textContent));
    document.addEventListener('languagechange', () => this._languageChanged());
    this._languageChanged();
  }

  _languageChanged() {
    setApiLanguage(this.i18n.language);
    for (const label of $$('[data-category-label]')) {
      label.textContent = categoryLabel(this.categories, label.dataset.categoryLabel, this.i18n.language);
    }
    $('#privacy-notice').replaceChildren(privacyNotice((key, values) => this.i18n.t(key, values), this.config.privacy));
    this._updateCount();
    this.nearby.render();
    if (this.step === 'review') {
      this._renderReview();
    }
  }

  _renderCategories() {
    // A retired category still names earlier reports, but takes no new ones.
    $('#categories').replaceChildren(...this.categories.filter((category) => category.active !== false).map((category) => el('div', { className: 'category' },
      el('input', { type: 'radio', name: 'category', id: `category-${category.code}`, value: category.code }),
      el('label', { for: `category-${category.code}` },
        el('img', { src: `/img/categories/${category.icon}.svg`, alt: '' }),
        el('span', { dataset: { categoryLabel: category.code } }, categoryLabel(this.categories, category.code, this.i18n.language))))));
  }

  _updateCount() {
    $('#description-count').textContent = this.i18n.t('report.descriptionCount', { count: descriptionLength($('#description').value), max: MAX_DESCRIPTION });
  }

  _wantsContact() {
    return $('#contact-yes').checked;
  }

  _contact() {
    return this._wantsContact()
      ? contactFrom({ name: $('#contact-name').value, email: $('#contact-email').value, phone: $('#contact-phone').value })
      : null;
  }

  // Steps -----------------------------------------------------------------------------------

  _bindSteps() {
    $$('[data-next]').forEach((button) => button.addEventListener('click', () => this._next()));
    $$('[data-back]').forEach((button) => button.addEventListener('click', () => this._show(STEPS[STEPS.indexOf(this.step) - 1])));
  }

  _next() {
    const problems = this._check(this.step);
    if (problems.length) {
      this.errors.show(problems);
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
    if (step === 'review') {
      this._renderReview();
    }
    // The heading takes the focus (and the page scrolls to it) before the map is drawn: a tap on
    // a map that moves under the finger would land on another place.
    $(`#step-${step}-heading`).focus();
    if (step === 'where') {
      await this.place.showMap();
    }
  }

  _check(step) {
    switch (step) {
      case 'what':
        return checkWhat({ category: this._category(), description: $('#description').value });
      case 'where':
        return checkWhere(this.place);
      case 'contact':
        return this._wantsContact()
          ? checkContact({ contact: this._contact(), consent: $('#consent').checked }, { missing: 'error.contactMissing' })
            .map((problem) => (problem.field === 'contact' ? { ...problem, field: 'contact.name' } : problem))
          : [];
      default:
        return [];
    }
  }

  _category() {
    return $('input[name="category"]:checked')?.value || null;
  }

  _flags() {
    return $$('input[name="flags"]:checked').map((box) => box.value);
  }

  _renderReview() {
    const category = this._category();
    const contact = this._contact();
    const rows = [
      ['report.review.category', category ? categoryLabel(this.categories, category, this.i18n.language) : ''],
      ['report.review.description', $('#description').value.trim()],
      ['report.review.place', [this.place.address
        ?? (this.place.nearAddress && this.i18n.t('report.nearAddress', { address: this.place.nearAddress })),
      this.place.quarter?.name].filter(Boolean).join(' · ')],
      ['report.review.flags', this._flags().map((flag) => this.i18n.t(`report.flag.${flag}`)).join('; ') || '–'],
      ['report.review.photos', formatList(this.photos.files.map((file) => file.name), this.i18n.language) || '–'],
      ['report.review.contact', contact ? formatList([contact.name, contact.email, contact.phone].filter(Boolean).map(isolate), this.i18n.language) : this.i18n.t('report.review.anonymous')],
    ];
    $('#review').replaceChildren(...rows.flatMap(([key, value]) => [el('dt', {}, this.i18n.t(key)), el('dd', {}, value)]));
  }

  // Send ------------------------------------------------------------------------------------

  async _submit() {
    const problems = STEPS.flatMap((step) => this._check(step));
    if (problems.length) {
      await this._showErrorsInTheirStep(problems);
      return;
    }
    const button = $('#submit');
    button.disabled = true;
    const contact = this._contact();
    const report = {
      category: this._category(),
      description: $('#description').value,
      location: this.place.location,
      address: this.place.address || null,
      flags: this._flags(),
      contact,
      consent: Boolean(contact) && $('#consent').checked,
      language: this.i18n.language,
      website: $('#website').value,
      supports: this.nearby.supports,
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
      this.errors.show([{ key: 'error.network' }], { key: 'error.notSent' });
      return;
    }
    if (failure.errors.length) {
      await this._showErrorsInTheirStep(failure.errors);
      return;
    }
    this.errors.show([{ message: failure.detail || failure.title }], failure.title || { key: 'error.notSent' });
  }

  async _showErrorsInTheirStep(errors) {
    const first = errors.map((error) => FIELD_STEPS[(error.field || '').split('.')[0]]).find(Boolean) || this.step;
    if (first !== this.step) {
      await this._show(first);
    }
    this.errors.show(errors);
  }

  _confirm(receipt) {
    $('#form-section').hidden = true;
    $('#confirmation').hidden = false;
    $('#tracking-code').textContent = receipt.trackingCode;
    $('#status-link').href = receipt.statusPath;
    $('#joined').hidden = !receipt.joined;
    // On a phone the form was long: the tracking code is the first thing in view, not below the fold.
    $('#confirmation').scrollIntoView({ block: 'start' });
    $('#confirmation-heading').focus({ preventScroll: true });
    this.photos.upload(receipt.trackingCode, $('#photo-results'));
  }

}
