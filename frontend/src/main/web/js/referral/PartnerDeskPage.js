import { api } from '../core/api.js';
import { $, el, readWhileInView } from '../core/dom.js';
import { cityTimeToIso, cityToday, formatDateTime } from '../core/format.js';
import { missingRequired, takeOverSubmit } from '../core/forms.js';
import { FormErrors } from '../core/FormErrors.js';
import { problemText, showProblem } from '../admin/problems.js';
import { statusText } from './referrals.js';
import { staffLanguageName } from '../core/languageNames.js';

const OUTCOMES = ['APPOINTMENT', 'HELPED', 'NOT_REACHED', 'NOT_RESPONSIBLE'];

/** How often the inbox is read again while the page is in view. */
const INBOX_REFRESH_MS = 30_000;

/**
 * A partner organisation's page: the referrals to it (and only those), accept or decline,
 * record the outcome, and sealed notes that only this organisation reads.
 */
export class PartnerDeskPage {

  constructor(i18n) {
    this.i18n = i18n;
    // Not read yet: the first reading is drawn even when it is empty ("no referrals").
    this.referrals = null;
    this.current = null;
    this.refused = null;
    this.errors = new FormErrors($('#answer'), $('#detail-errors'), i18n);
    // The notes have a form of their own: a refused note is said at its field, not the answer's.
    this.noteErrors = new FormErrors($('#note-form'), $('#note-errors'), i18n);
  }

  async start() {
    $('#accept').addEventListener('click', () => this._act('accept'));
    $('#decline').addEventListener('click', () => this._decline());
    $('#record-outcome').addEventListener('click', () => this._recordOutcome());
    $('#outcome').addEventListener('change', () => this._outcomeChanged());
    takeOverSubmit($('#note-form'), () => this._addNote());
    // Another text is another note, with a key of its own.
    $('#note-text').addEventListener('input', () => { this.noteKey = null; });
    document.addEventListener('languagechange', () => {
      this._renderInbox();
      if (this.current) {
        this._renderDetail();
      }
    });
    try {
      await this.load();
    }
    catch (failure) {
      // No organisation, or one the city no longer works with: said, not an empty inbox.
      this.refused = failure;
      this._renderInbox();
    }
    // New referrals arrive while the page is open: the inbox is read again while it is in
    // view, and at once when it comes back into view.
    readWhileInView(() => this.load().catch(() => {}), INBOX_REFRESH_MS, { until: () => this.refused !== null });
    document.body.dataset.ready = 'true';
  }

  async load() {
    const referrals = await api('/api/partner/referrals');
    if (JSON.stringify(referrals) === JSON.stringify(this.referrals)) {
      return;
    }
    this.referrals = referrals;
    // The keyboard stays on the referral it was on.
    const focused = document.activeElement?.closest('#inbox [data-referral]')?.dataset.referral;
    this._renderInbox();
    if (focused) {
      $(`#inbox [data-referral="${focused}"] button`)?.focus();
    }
  }

  _renderInbox() {
    const t = (key, params) => this.i18n.t(key, params);
    if (this.refused) {
      $('#inbox').replaceChildren(el('li', {}, el('p', { className: 'notice notice--warning', role: 'alert' }, problemText(this.refused, this.i18n))));
      return;
    }
    $('#inbox').replaceChildren(...(this.referrals?.length ? this.referrals.map((referral) => el('li', { className: 'referral', dataset: { referral: referral.id } },
      el('p', { className: 'referral__title' }, el('strong', {}, referral.service), ` · ${t(`topic.${referral.topic}`)}`),
      el('p', { className: 'referral__meta' }, `${formatDateTime(referral.createdAt, this.i18n.language)} · `,
        el('bdi', {}, staffLanguageName(referral.language, this.i18n.language, t)), ' · ',
        t(contactKey(referral))
        + (referral.referredFrom ? ` · ${referral.referredFrom}` : '') + (referral.fromIncident ? ` · ${t('partner.fromIncident')}` : '')),
      el('p', { className: 'referral__status' }, statusText(referral, this.i18n)),
      // Named with its referral: a screen reader's list of buttons is not "Öffnen, Öffnen, …".
      el('button', { type: 'button', className: 'button button--small', onClick: () => this.open(referral.id),
        'aria-label': `${t('partner.open')}: ${referral.service}, ${formatDateTime(referral.createdAt, this.i18n.language)}` }, t('partner.open'))))
      : [el('li', { className: 'hint' }, t('partner.none'))]));
  }

  async open(id, { focus = true } = {}) {
    const another = this.current?.id !== id;
    this.current = await api(`/api/partner/referrals/${id}`);
    if (another) {
      // What was typed for one person is not saved to the next: drafts go with their referral.
      for (const field of ['#note-text', '#decline-reason', '#redirect', '#appointment']) {
        $(field).value = '';
      }
      $('#outcome').value = '';
      this.noteKey = null;
      this.noteErrors.clear();
    }
    this.errors.clear();
    this._renderDetail();
    $('#detail').hidden = false;
    if (focus) {
      $('#detail-saved').hidden = true;
      $('#detail-heading').focus();
    }
  }

  _renderDetail() {
    const t = (key, params) => this.i18n.t(key, params);
    const referral = this.current;
    $('#detail-heading').textContent = `${referral.service} – ${formatDateTime(referral.createdAt, this.i18n.language)}`;
    $('#detail-status').textContent = statusText(referral, this.i18n);
    $('#detail-facts').replaceChildren(
      el('dt', {}, t('partner.need')), el('dd', { dir: 'auto' }, referral.need ?? t('partner.redacted')),
      el('dt', {}, t('partner.personLanguage')), el('dd', {}, el('bdi', {}, staffLanguageName(referral.language, this.i18n.language, t))),
      el('dt', {}, t('partner.topic')), el('dd', {}, t(`topic.${referral.topic}`)));
    const contact = referral.contact;
    $('#detail-contact').replaceChildren(contact
      ? el('div', { className: 'notice' }, el('strong', {}, t('partner.contact')),
        // One value per line, each in its own direction: an Arabic name next to a phone number
        // in one line turned "+49 2041 555" into "555 2041 49+".
        el('dl', { id: 'contact-details', className: 'summary-list' }, [
          ['referral.contactName', contact.name && el('bdi', {}, contact.name)],
          ['referral.contactPhone', contact.phone && el('bdi', { dir: 'ltr' }, contact.phone)],
          ['referral.contactEmail', contact.email && el('bdi', { dir: 'ltr' }, contact.email)],
        ].filter(([, value]) => value).flatMap(([key, value]) => [el('dt', {}, t(key)), el('dd', {}, value)])))
      : contactNotice(referral, t));
    $('#answer-open').hidden = referral.state !== 'OPEN';
    $('#answer-outcome').hidden = referral.state !== 'ACCEPTED';
    const chosen = $('#outcome').value;
    $('#outcome').replaceChildren(...OUTCOMES.map((outcome) => el('option', { value: outcome }, t(`referral.outcome.${outcome}`))));
    $('#outcome').value = chosen || 'APPOINTMENT';
    this._outcomeChanged();
    $('#notes').replaceChildren(...referral.notes.map((note) => el('li', {},
      el('p', { className: 'referral__meta' }, `${note.author} · ${formatDateTime(note.at, this.i18n.language)}`),
      el('p', { dir: 'auto' }, note.text ?? t('partner.redacted')))));
  }

  _outcomeChanged() {
    $('#appointment-field').hidden = $('#outcome').value !== 'APPOINTMENT';
    // The picker offers no day before today (the server refuses those: an appointment made is to
    // come), and its times are the city's, as everywhere else.
    $('#appointment').min = `${cityToday()}T00:00`;
    $('#redirect-field').hidden = $('#outcome').value !== 'NOT_RESPONSIBLE';
  }

  async _act(action, body) {
    const origin = document.activeElement?.id;
    try {
      await api(`/api/partner/referrals/${this.current.id}/${action}`, { method: 'POST', body });
      await this._refresh(origin);
    }
    catch (failure) {
      if (failure.status === 409) {
        // Answered or changed by a colleague meanwhile: the problem says "the current state is
        // shown", so it is, under the message.
        await Promise.all([this.load(), this.open(this.current.id, { focus: false })]).catch(() => {});
      }
      // An earlier "saved" does not stand beside this refusal.
      $('#detail-saved').hidden = true;
      showProblem(this.errors, failure);
    }
  }

  /** A decline needs its reason (the referrer reads it): said at the field before asking the server. */
  async _decline() {
    const reason = $('#decline-reason').value;
    if (!reason.trim()) {
      $('#detail-saved').hidden = true;
      this.errors.show([{ field: 'reason', key: 'error.required' }]);
      return;
    }
    await this._act('decline', { reason });
  }

  async _recordOutcome() {
    const outcome = $('#outcome').value;
    // The version this member saw: an outcome a colleague recorded meanwhile is not overwritten.
    const body = { outcome, version: this.current.version };
    if (outcome === 'APPOINTMENT' && $('#appointment').value) {
      body.appointmentAt = cityTimeToIso($('#appointment').value);
    }
    if (outcome === 'NOT_RESPONSIBLE') {
      body.redirectTo = $('#redirect').value;
    }
    await this._act('outcome', body);
  }

  async _addNote() {
    const missing = missingRequired($('#note-form'));
    if (missing.length) {
      $('#detail-saved').hidden = true;
      this.noteErrors.show(missing);
      return;
    }
    const origin = document.activeElement?.id;
    // One key per note written: sent again after a lost answer, it is stored once.
    this.noteKey ??= crypto.randomUUID();
    try {
      await api(`/api/partner/referrals/${this.current.id}/notes`,
        { method: 'POST', body: { text: $('#note-text').value }, headers: { 'Idempotency-Key': this.noteKey } });
      this.noteKey = null;
      $('#note-text').value = '';
      this.noteErrors.clear();
      await this._refresh(origin);
    }
    catch (failure) {
      $('#detail-saved').hidden = true;
      showProblem(this.noteErrors, failure);
    }
  }

  /**
   * After an action: the referral drawn again, and "saved" said where the keyboard was; when the
   * control acted from went with the step (the outcome form once there is an outcome), the
   * keyboard goes to that message, not back to the top.
   */
  async _refresh(acted) {
    const id = this.current.id;
    await Promise.all([this.load(), this.open(id, { focus: false })]);
    const saved = $('#detail-saved');
    this.i18n.say(saved, 'partner.saved');
    saved.hidden = false;
    const control = acted && document.getElementById(acted);
    if (control && control.offsetParent !== null) {
      control.focus();
    }
    else {
      saved.focus();
    }
  }

}

/**
 * Why a referral shows no contact details. Given with consent and no longer shown: erased (at the
 * person's request or by retention; not to be sought out), or the referral is closed and there is
 * no purpose left to reach the person. Otherwise none was given: the person gets in touch.
 */
function contactNotice(referral, t) {
  const [key, warning] = referral.contactErased ? ['partner.contactErased', false]
    : referral.contactWithdrawn ? ['partner.contactWithdrawn', false] : ['partner.noContact', true];
  return el('div', { className: warning ? 'notice notice--warning' : 'notice' },
    el('strong', {}, t(key)), el('p', {}, t(`${key}Hint`)));
}

/**
 * What the list says of the person's contact details: given, given and erased since (at their
 * request or by retention), given and no longer shown (closed), or never given.
 */
function contactKey(referral) {
  if (referral.hasContact) {
    return 'referral.withContact';
  }
  if (referral.contactErased) {
    return 'referral.contactErased';
  }
  return referral.contactWithdrawn ? 'referral.contactWithdrawn' : 'referral.anonymous';
}
