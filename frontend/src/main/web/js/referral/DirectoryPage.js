import { api } from '../core/api.js';
import { $, $$, el, readWhileInView } from '../core/dom.js';
import { missingRequired, takeOverSubmit } from '../core/forms.js';
import { FormErrors } from '../core/FormErrors.js';
import { problemText, showProblem } from '../admin/problems.js';
import { TOPICS, RESIDENT_LANGUAGES, RIGHT_TO_LEFT, openingHoursText, referrerItem } from './referrals.js';
import { staffLanguageName } from '../core/languageNames.js';
import { formatList } from '../core/format.js';

/** How often the referrals' answers are read again while the page is in view. */
const REFERRALS_REFRESH_MS = 30_000;

/**
 * The "Wegweiser" at the counter: partner services found by topic, language, quarter and what
 * is open now; a referral with the person's consent (contact details go to the partner), or
 * without it (nothing personal goes anywhere: the person takes a printed hand-out in their
 * language); and the referrals of this contact point with the partners' answers.
 */
export class DirectoryPage {

  constructor(i18n, quarters) {
    this.i18n = i18n;
    this.quarters = quarters;
    this.services = [];
    this.chosen = null;
    this.searchRequest = 0;
    this.errors = new FormErrors($('#refer-form'), $('#refer-errors'), i18n, { check: () => missingRequired($('#refer-form')) });
  }

  async start() {
    this._fillSelects();
    for (const control of $$('#filters select, #filters input')) {
      control.addEventListener('change', () => this.search());
    }
    takeOverSubmit($('#filters'), () => this.search());
    $('#consent').addEventListener('change', () => this._consentChanged());
    takeOverSubmit($('#refer-form'), () => this._refer());
    $('#refer-cancel').addEventListener('click', () => this._closeReferral());
    $('#refer-handout').addEventListener('click', () => this._showHandout(this.chosen, $('#person-language').value));
    $('#handout-close').addEventListener('click', () => this._closeHandout());
    $('#handout-print').addEventListener('click', () => this._print());
    window.addEventListener('afterprint', () => document.body.classList.remove('printing-handout'));
    document.addEventListener('languagechange', () => {
      this._fillSelects(true);
      this._renderServices();
      this.loadReferrals();
    });
    await Promise.all([this.search(), this.loadReferrals()]);
    // The partners answer on their own page: their answers are read again while this one is in view.
    readWhileInView(() => this.loadReferrals({ onlyIfChanged: true }).catch(() => {}), REFERRALS_REFRESH_MS);
    document.body.dataset.ready = 'true';
  }

  _fillSelects(keep = false) {
    const previous = keep ? { topic: $('#topic').value, language: $('#service-language').value, quarter: $('#quarter').value, person: $('#person-language').value } : {};
    const t = (key) => this.i18n.t(key);
    $('#topic').replaceChildren(el('option', { value: '' }, t('directory.anyTopic')),
      ...TOPICS.map((topic) => el('option', { value: topic }, t(`topic.${topic}`))));
    $('#service-language').replaceChildren(el('option', { value: '' }, t('directory.anyLanguage')),
      ...RESIDENT_LANGUAGES.map((code) => el('option', { value: code }, staffLanguageName(code, this.i18n.language, t))));
    $('#quarter').replaceChildren(el('option', { value: '' }, t('directory.anyQuarter')),
      ...this.quarters.map((quarter) => el('option', { value: quarter.code }, quarter.name)));
    $('#person-language').replaceChildren(...RESIDENT_LANGUAGES.map((code) => el('option', { value: code }, staffLanguageName(code, this.i18n.language, t))));
    $('#topic').value = previous.topic || '';
    $('#service-language').value = previous.language || '';
    $('#quarter').value = previous.quarter || '';
    $('#person-language').value = previous.person || 'de';
  }

  async search() {
    const query = new URLSearchParams();
    for (const [name, id] of [['topic', '#topic'], ['language', '#service-language'], ['quarter', '#quarter']]) {
      if ($(id).value) {
        query.set(name, $(id).value);
      }
    }
    query.set('openNow', $('#open-now').checked);
    query.set('openToday', $('#open-today').checked);
    const request = ++this.searchRequest;
    try {
      const services = await api(`/api/directory/services?${query}`);
      if (request !== this.searchRequest) {
        // A later search was started meanwhile: its answer counts, not this one.
        return;
      }
      this.services = services;
      // A new search answers with what it found: a referral's confirmation made way for it.
      this.sent = null;
      this._renderServices();
    }
    catch (failure) {
      if (request === this.searchRequest) {
        $('#result-status').textContent = problemText(failure, this.i18n);
      }
    }
  }

  _renderServices() {
    const t = (key, params) => this.i18n.t(key, params);
    // Nothing found under filters: say which way leads to more, not only "0 found".
    const filtered = ['#topic', '#service-language', '#quarter'].some((id) => $(id).value)
      || $('#open-now').checked || $('#open-today').checked;
    $('#result-status').textContent = this.sent ? t('referral.sent', this.sent)
      : (!this.services.length && filtered) ? t('directory.noneWithFilters') : t('directory.found', { count: this.services.length });
    $('#services').replaceChildren(...this.services.map((service) => el('li', { className: 'service', dataset: { service: service.id } },
      el('h2', { className: 'service__name' }, service.name,
        service.openNow ? el('span', { className: 'badge badge--open' }, t('directory.badgeOpenNow'))
          : service.openToday ? el('span', { className: 'badge' }, t('directory.badgeOpenToday')) : ''),
      el('p', { className: 'hint' }, `${service.organisation} · ${t(`topic.${service.topic}`)}`),
      el('dl', {},
        el('dt', {}, t('directory.for')), el('dd', {}, service.targetGroup || '–'),
        el('dt', {}, t('directory.languages')), el('dd', {}, service.languages.flatMap((code, index) => [index ? ', ' : '', el('bdi', {}, staffLanguageName(code, this.i18n.language, t))])),
        el('dt', {}, t('directory.hours')), el('dd', {}, openingHoursText(service.openingHours, this.i18n.language)),
        el('dt', {}, t('directory.address')), el('dd', {}, `${service.street} ${service.houseNumber}, ${service.postcode} ${service.city}`),
        el('dt', {}, t('directory.howToReach')), el('dd', {}, service.howToReach || '–'),
        el('dt', {}, t('directory.contact')), el('dd', {}, [service.phone, service.email].filter(Boolean).join(' · ') || '–')),
      el('button', { type: 'button', className: 'button button--primary button--small', 'aria-label': `${t('directory.refer')}: ${service.name}`, onClick: () => this._openReferral(service) },
        t('directory.refer')))));
  }

  _openReferral(service) {
    this.chosen = service;
    // The service's button: where the keyboard goes back to when the form closes.
    this.referFrom = document.activeElement;
    this.errors.clear();
    $('#refer-form').reset();
    $('#person-language').value = $('#service-language').value || 'de';
    $('#refer-heading').textContent = this.i18n.t('referral.heading', { service: service.name });
    $('#consent-label').textContent = this.i18n.t('referral.consent', { organisation: service.organisation });
    this._consentChanged();
    $('#refer-section').hidden = false;
    $('#refer-heading').focus();
  }

  _closeReferral() {
    const hadFocus = $('#refer-section').contains(document.activeElement);
    $('#refer-section').hidden = true;
    this.chosen = null;
    if (hadFocus) {
      this._focusBack(this.referFrom);
    }
  }

  /** The keyboard back to where it came from, if that is still on the page and shown. */
  _focusBack(origin) {
    if (origin instanceof HTMLElement && origin.isConnected && origin.offsetParent !== null) {
      origin.focus();
    }
  }

  _consentChanged() {
    const consent = $('#consent').checked;
    $('#contact-fields').hidden = !consent;
    $('#no-consent-hint').hidden = consent;
    for (const input of $$('#contact-fields input')) {
      input.disabled = !consent;
      if (!consent) {
        input.value = '';
      }
    }
  }

  async _refer() {
    const missing = missingRequired($('#refer-form'));
    if (missing.length) {
      this.errors.show(missing);
      return;
    }
    const consent = $('#consent').checked;
    const body = { serviceId: this.chosen.id, need: $('#need').value, language: $('#person-language').value, consent, quarter: $('#quarter').value || null };
    if (consent) {
      body.contact = { name: $('#contact-name').value, phone: $('#contact-phone').value, email: $('#contact-email').value };
    }
    try {
      await api('/api/referrals', { method: 'POST', body });
      const service = this.chosen;
      const language = body.language;
      // Said first: with or without the person's details, the referral went to this service
      // (an earlier one's confirmation must not stand beside this hand-out).
      this.sent = { service: service.name };
      $('#result-status').textContent = this.i18n.t('referral.sent', this.sent);
      this._closeReferral();
      await this.loadReferrals();
      if (!consent) {
        await this._showHandout(service, language, { notPassedOn: true });
      }
    }
    catch (failure) {
      showProblem(this.errors, failure);
    }
  }

  /** The referrals made here, with the partners' answers; a read that brought nothing new draws nothing. */
  async loadReferrals({ onlyIfChanged = false } = {}) {
    const referrals = await api('/api/referrals');
    const seen = JSON.stringify(referrals);
    if (onlyIfChanged && seen === this.shownReferrals) {
      return;
    }
    this.shownReferrals = seen;
    $('#referrals').replaceChildren(...(referrals.length ? referrals.map((referral) => referrerItem(referral, this.i18n))
      : [el('li', { className: 'hint' }, this.i18n.t('directory.noReferrals'))]));
  }

  /**
   * The service's details in the person's language, to print and take along. That nothing was
   * passed on is said only after a referral without consent: a hand-out printed first may be
   * followed by a referral with the person's details.
   */
  async _showHandout(service, language, { notPassedOn = false } = {}) {
    // Opened from the form's button, or after a referral (the form gone): back to the service.
    this.handoutFrom = $('#refer-section').hidden ? this.referFrom : document.activeElement;
    const t = await this.i18n.translator(language);
    const handout = $('#handout');
    handout.lang = language;
    handout.dir = RIGHT_TO_LEFT.includes(language) ? 'rtl' : 'ltr';
    $('#handout-heading').textContent = t('handout.title');
    $('#handout-intro').textContent = t('handout.intro');
    $('#handout-not-passed-on').textContent = t('handout.notPassedOn');
    $('#handout-not-passed-on').hidden = !notPassedOn;
    const row = (label, value) => (value ? [el('dt', {}, label), el('dd', {}, value)] : []);
    // What the city entered is German inside a hand-out in the person's language: marked so, a
    // screen reader reads it with a German voice, and its own direction is kept.
    const german = (text) => (text ? el('bdi', { lang: 'de' }, text) : null);
    $('#handout-details').replaceChildren(
      ...row(t('handout.topic'), t(`topic.${service.topic}`)),
      ...row(t('handout.service'), german(`${service.name} – ${service.organisation}`)),
      ...row(t('handout.address'), german(`${service.street} ${service.houseNumber}, ${service.postcode} ${service.city}`)),
      ...row(t('handout.hours'), el('bdi', {}, openingHoursText(service.openingHours, language))),
      ...row(t('handout.languages'), formatList(service.languages.map((code) => t(`language.${code}`)), language)),
      ...row(t('handout.phone'), service.phone ? el('bdi', { dir: 'ltr' }, service.phone) : null),
      ...row(t('handout.email'), service.email ? el('bdi', { dir: 'ltr' }, service.email) : null),
      ...row(t('handout.howToReach'), german(service.howToReach)));
    $('#handout-section').hidden = false;
    $('#handout-heading').setAttribute('tabindex', '-1');
    $('#handout-heading').focus();
  }

  _closeHandout() {
    $('#handout-section').hidden = true;
    this._focusBack(this.handoutFrom);
  }

  _print() {
    document.body.classList.add('printing-handout');
    window.print();
  }

}
