import { api } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { formatDateTime } from '../core/format.js';
import { takeOverSubmit } from '../core/forms.js';
import { FormErrors } from '../core/FormErrors.js';
import { describeDetails } from './auditDetails.js';
import { problemText, showProblem } from './problems.js';
import { ReferralSubjectForm } from './ReferralSubjectForm.js';

/** Every action the audit log records (a test compares it with the translations and the server's code). */
export const ACTIONS = [
  'ACCESSIBILITY_FEEDBACK_READ', 'AUDIT_READ', 'CATEGORY_CHANGED', 'CATEGORY_CREATED', 'CONTACT_POINT_CHANGED',
  'CONTACT_POINT_CREATED', 'CONTACT_READ', 'CONTACT_READ_REFUSED', 'DATA_ERASED', 'DATA_EXPORTED',
  'OPEN311_KEY_ISSUED', 'OPEN311_KEY_REVOKED', 'OPEN311_REPORT_RECEIVED', 'PARTNER_MEMBER_CHANGED',
  'PARTNER_ORGANISATION_CHANGED', 'PARTNER_ORGANISATION_CREATED', 'PARTNER_SERVICE_CHANGED', 'PARTNER_SERVICE_CREATED',
  'PHOTO_HIDDEN', 'PHOTO_READ_REFUSED', 'PHOTO_SHOWN', 'PHOTO_THUMBNAIL_VIEWED', 'PHOTO_VIEWED',
  'REFERRAL_CONTACT_READ', 'REFERRAL_CREATED', 'REFERRAL_READ_REFUSED', 'RETENTION_RUN', 'TEAM_CHANGED',
  'TEAM_CREATED', 'TEAM_TYPE_CHANGED', 'USER_CHANGED', 'USER_CREATED', 'USER_PASSWORD_SET', 'USER_SECOND_FACTOR_RESET',
  'WEBHOOK_CHANGED', 'WEBHOOK_CREATED', 'WEBHOOK_DELETED',
];
const PAGE = 50;

/**
 * Data protection: a resident's request for access or erasure (by tracking code, always with
 * the request it answers), the retention job on demand, and the audit log, newest first.
 */
export class PrivacyPanel {

  constructor(i18n, config, reference, message) {
    this.i18n = i18n;
    this.config = config;
    this.reference = reference;
    this.message = message;
    this.errors = new FormErrors($('#subject-request'), $('#subject-errors'), i18n);
    this.entries = [];
  }

  start() {
    takeOverSubmit($('#subject-request'), () => this._export());
    $('#subject-erase').addEventListener('click', () => this._erase());
    new ReferralSubjectForm(this.i18n, () => this._loadAudit(false)).start();
    $('#retention-run').addEventListener('click', () => this._runRetention());
    takeOverSubmit($('#audit-filter'), () => this._loadAudit(false));
    $('#audit-more').addEventListener('click', () => this._loadAudit(true));
    document.addEventListener('languagechange', () => this._render());
    this._render();
    // The audit trail is read (and that reading recorded) when the administrator opens this
    // section, each time afresh, not whenever the administration page loads.
    window.addEventListener('hashchange', () => {
      if (!$('#privacy').hidden) {
        this._loadAudit(false);
      }
    });
    return $('#privacy').hidden ? Promise.resolve() : this._loadAudit(false);
  }

  _render() {
    const t = (key, params) => this.i18n.t(key, params);
    const selected = $('#audit-action').value;
    $('#audit-action').replaceChildren(el('option', { value: '' }, t('admin.privacy.allActions')),
      ...ACTIONS.map((action) => el('option', { value: action }, t(`audit.${action}`))));
    $('#audit-action').value = selected;
    $('#retention-policy').textContent = t('admin.privacy.retentionPolicy', {
      contactDays: this.config.privacy.contactRetentionDays, textDays: this.config.privacy.textRetentionDays,
      auditDays: this.config.privacy.auditRetentionDays });
    this._renderAudit();
  }

  _subject() {
    return { trackingCode: $('#subject-trackingCode').value, request: $('#subject-request-text').value };
  }

  async _export() {
    try {
      const response = await api('/api/admin/privacy/export', { method: 'POST', body: this._subject(), raw: true });
      const url = URL.createObjectURL(await response.blob());
      const link = el('a', { href: url, download: `auskunft-${this._subject().trackingCode.trim()}.json` });
      document.body.append(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
      this.errors.clear();
      $('#subject-result').textContent = this.i18n.t('admin.privacy.exported');
      await this._loadAudit(false);
    }
    catch (failure) {
      showProblem(this.errors, failure);
    }
  }

  async _erase() {
    const subject = this._subject();
    // Checked before the question: a confirmation naming no tracking code asks about nothing.
    const missing = [['trackingCode', subject.trackingCode], ['request', subject.request]]
      .filter(([, value]) => !value.trim()).map(([field]) => ({ field, key: 'error.required' }));
    if (missing.length) {
      this.errors.show(missing);
      return;
    }
    if (!window.confirm(this.i18n.t('admin.privacy.confirmErase', { code: subject.trackingCode }))) {
      return;
    }
    try {
      const erasure = await api('/api/admin/privacy/erase', { method: 'POST', body: subject });
      this.errors.clear();
      $('#subject-result').textContent = this.i18n.t(erasure.contactErased || erasure.reportRedacted ? 'admin.privacy.erased' : 'admin.privacy.nothingToErase');
      await this._loadAudit(false);
    }
    catch (failure) {
      showProblem(this.errors, failure);
    }
  }

  async _runRetention() {
    try {
      const report = await api('/api/admin/retention/run', { method: 'POST' });
      $('#retention-result').textContent = report.skipped ? this.i18n.t('admin.privacy.retentionBusy')
        : this.i18n.t('admin.privacy.retentionDone', report);
      await this._loadAudit(false);
    }
    catch (failure) {
      this.message.show(problemText(failure, this.i18n), true);
    }
  }

  async _loadAudit(more) {
    // In the body, not the address: a username or tracking code typed stays out of URLs and logs.
    const terms = { limit: PAGE };
    for (const name of ['action', 'username', 'trackingCode']) {
      const value = $(`#audit-${name}`).value.trim();
      if (value) {
        terms[name] = value;
      }
    }
    if (more && this.entries.length) {
      terms.before = this.entries[this.entries.length - 1].id;
    }
    // Only the latest request's answer is shown: opening the section and filtering at once
    // must not end with the unfiltered answer that arrived last.
    const request = (this.auditRequest = (this.auditRequest ?? 0) + 1);
    try {
      const page = await api('/api/admin/audit/search', { method: 'POST', body: terms });
      if (request !== this.auditRequest) {
        return;
      }
      this.entries = more ? [...this.entries, ...page] : page;
      this.auditLoaded = true;
      $('#audit-more').hidden = page.length < PAGE;
      this._renderAudit();
    }
    catch (failure) {
      this.message.show(problemText(failure, this.i18n), true);
    }
  }

  _renderAudit() {
    const t = (key) => this.i18n.t(key);
    if (this.auditLoaded && !this.entries.length) {
      $('#audit-table tbody').replaceChildren(el('tr', {}, el('td', { colspan: 6 }, t('admin.privacy.auditEmpty'))));
      return;
    }
    $('#audit-table tbody').replaceChildren(...this.entries.map((entry) => el('tr', {},
      el('td', {}, formatDateTime(entry.at, this.i18n.language)),
      el('td', {}, entry.actorName ? `${entry.actorName} (${entry.actorUsername})` : entry.actor),
      el('td', {}, t(`audit.${entry.action}`)),
      // The tracking code is what the administrator typed for a request; the number is internal.
      el('td', {}, entry.trackingCode ?? (entry.reportId ? `#${entry.reportId}` : '')),
      el('td', {}, entry.purpose ? t(`purpose.${entry.purpose}`) : ''),
      el('td', { className: 'details' }, describeDetails(entry.details, this.i18n, this.reference.teamTypes)))));
  }

}
