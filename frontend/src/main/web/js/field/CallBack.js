import { api, ApiError } from '../core/api.js';
import { el } from '../core/dom.js';

/**
 * Calling the reporter back: the number is shown (and a tel: link offered) only after the
 * member has said why, as the contact API requires; every look is in the audit trail. The
 * number stays in the page's memory while it is open (page.revealed), never in its storage.
 */
const PURPOSES = ['CALLBACK', 'CLARIFY', 'OUTCOME'];

export class CallBack {

  constructor(page, report) {
    this.page = page;
    this.report = report;
  }

  render() {
    const t = (key) => this.page.i18n.t(key);
    const id = `purpose-${this.report.id}`;
    const purpose = el('select', { id }, ...PURPOSES.map((code) => el('option', { value: code }, t(`field.purpose.${code}`))));
    const result = el('div', { className: 'callback-result', id: `callback-${this.report.id}`, role: 'status' });
    const box = el('div', { className: 'callback' },
      el('label', { for: id }, t('field.callbackPurpose')), purpose,
      el('button', { type: 'button', className: 'button', onClick: () => this.reveal(purpose.value, result) }, t('field.callbackShow')),
      result);
    const known = this.page.revealed.get(this.report.id);
    if (known) {
      this.showNumber(known, result);
    }
    return box;
  }

  showNumber(contact, result) {
    const t = (key, params) => this.page.i18n.t(key, params);
    result.replaceChildren(contact.phone
      ? el('a', { className: 'button button--primary', href: `tel:${contact.phone.replace(/[^+\d]/g, '')}` }, t('field.call', { phone: contact.phone }))
      : el('p', { className: 'hint' }, t('field.noPhone')));
  }

  async reveal(purpose, result) {
    const t = (key) => this.page.i18n.t(key);
    try {
      const contact = await api(`/api/field/reports/${this.report.id}/contact?purpose=${purpose}`);
      this.page.revealed.set(this.report.id, { phone: contact.phone });
      this.showNumber(contact, document.querySelector(`#callback-${this.report.id}`) ?? result);
    }
    catch (failure) {
      result.replaceChildren(el('p', { className: 'hint' }, (failure instanceof ApiError && failure.status)
        ? [failure.title, failure.detail].filter(Boolean).join(': ') : t('field.callbackOffline')));
    }
  }

}
