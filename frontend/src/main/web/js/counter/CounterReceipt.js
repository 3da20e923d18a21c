import { $, el } from '../core/dom.js';
import { formatDateTime, isolate } from '../core/format.js';
import { categoryLabel } from '../core/categories.js';
import { privacyNotice } from '../intake/privacyNotice.js';

/**
 * The printable receipt for a report taken at the counter, in the reporter's language (not the
 * counter's): tracking code, status address, date, category, place and the privacy notice.
 */
export class CounterReceipt {

  constructor(i18n, config, categories) {
    this._i18n = i18n;
    this._config = config;
    this._categories = categories;
  }

  async show(receipt, request, contactPoint) {
    // For the staff, in theirs: what was saved. The receipt below is in the reporter's language.
    if (receipt.joined && request.attachToIncident) {
      this._i18n.say($('#receipt-saved'), 'counter.savedAttached', { id: request.attachToIncident });
    }
    else {
      this._i18n.say($('#receipt-saved'), 'counter.savedNew');
    }
    const t = await this._i18n.translator(receipt.language);
    const body = $('#receipt-body');
    body.lang = receipt.language;
    body.dir = this._config.languages.find((language) => language.code === receipt.language)?.rightToLeft ? 'rtl' : 'ltr';
    $('#receipt-heading').textContent = t('receipt.heading');
    $('#receipt-intro').textContent = t('receipt.intro', { contactPoint: isolate(contactPoint?.name ?? '') });
    $('#receipt-code').textContent = receipt.trackingCode;
    $('#receipt-status-label').textContent = t('receipt.statusLabel');
    $('#receipt-status-url').replaceChildren(el('a', { href: receipt.statusPath }, `${window.location.origin}${receipt.statusPath}`));
    $('#receipt-date-label').textContent = t('receipt.dateLabel');
    $('#receipt-date').textContent = formatDateTime(receipt.submittedAt, receipt.language);
    $('#receipt-category-label').textContent = t('receipt.categoryLabel');
    $('#receipt-category').textContent = categoryLabel(this._categories, request.category, receipt.language);
    $('#receipt-place-label').textContent = t('receipt.placeLabel');
    $('#receipt-place').textContent = [request.address, receipt.quarter].filter(Boolean).join(' · ') || '–';
    $('#receipt-privacy-heading').textContent = t('privacy.title');
    $('#receipt-privacy').replaceChildren(privacyNotice(t, this._config.privacy));
    $('#receipt-emergency').textContent = t('report.emergencyText');
    $('#entry').hidden = true;
    $('#receipt').hidden = false;
    $('#receipt-heading').focus();
  }

}
