import { api } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { takeOverSubmit } from '../core/forms.js';
import { FormErrors } from '../core/FormErrors.js';
import { showProblem } from './problems.js';

/**
 * A person's request about the referrals that carry their contact details: also those made at
 * the counter, which have no tracking code. Found by the e-mail address or phone number the
 * person gave; an erasure is also how a consent to pass them on is withdrawn.
 */
export class ReferralSubjectForm {

  constructor(i18n, afterwards) {
    this.i18n = i18n;
    this.afterwards = afterwards;
    this.errors = new FormErrors($('#referral-request'), $('#referral-errors'), i18n);
  }

  start() {
    takeOverSubmit($('#referral-request'), () => this._export());
    $('#referral-erase').addEventListener('click', () => this._erase());
    document.addEventListener('languagechange', () => this._showResult());
  }

  _subject() {
    return { email: $('#referral-email').value, phone: $('#referral-phone').value, request: $('#referral-request-text').value };
  }

  /** Said at the fields before asking the server, and before a confirmation that would name nobody. */
  _missing(subject) {
    // A new attempt: the last one's result does not stand beside what this one gets.
    this.result = null;
    this._showResult();
    const missing = [];
    if (!subject.email.trim() && !subject.phone.trim()) {
      missing.push({ field: 'email', key: 'admin.privacy.referralContactRequired' });
    }
    if (!subject.request.trim()) {
      missing.push({ field: 'request', key: 'error.required' });
    }
    this.errors.show(missing);
    return missing.length > 0;
  }

  async _export() {
    const subject = this._subject();
    if (this._missing(subject)) {
      return;
    }
    try {
      const document = await api('/api/admin/privacy/referrals/export', { method: 'POST', body: subject });
      const url = URL.createObjectURL(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }));
      const link = el('a', { href: url, download: 'auskunft-vermittlungen.json' });
      window.document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
      this._said(document.referrals.length, 'admin.privacy.referralsExported');
    }
    catch (failure) {
      showProblem(this.errors, failure);
    }
  }

  async _erase() {
    const subject = this._subject();
    if (this._missing(subject)) {
      return;
    }
    const whom = [subject.email.trim(), subject.phone.trim()].filter(Boolean).join(', ');
    if (!window.confirm(this.i18n.t('admin.privacy.confirmReferralErase', { whom }))) {
      return;
    }
    try {
      const erased = await api('/api/admin/privacy/referrals/erase', { method: 'POST', body: subject });
      this._said(erased.referrals.length, 'admin.privacy.referralsErased');
    }
    catch (failure) {
      showProblem(this.errors, failure);
    }
  }

  async _said(found, key) {
    this.errors.clear();
    this.result = { found, key };
    this._showResult();
    await this.afterwards();
  }

  /** The last result, in the page's language (again after a switch). */
  _showResult() {
    const result = this.result;
    $('#referral-result').textContent = !result ? ''
      : result.found === 0 ? this.i18n.t('admin.privacy.noReferralsFound')
        : this.i18n.t(`${result.key}.${result.found === 1 ? 'one' : 'other'}`, { count: result.found });
  }

}
