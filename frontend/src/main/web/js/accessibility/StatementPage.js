import { api, ApiError } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { formatDate } from '../core/format.js';
import { FormErrors } from '../core/FormErrors.js';
import { I18n } from '../core/i18n.js';
import { missingRequired } from '../core/forms.js';

/**
 * The accessibility statement: the city's texts from the server (they are in German, as the
 * statement is legally binding in German), the labels in the reader's language, and the
 * feedback form that reaches the administrators.
 */
export class StatementPage {

  constructor(i18n) {
    this.i18n = i18n;
    this.statement = null;
  }

  async start() {
    document.addEventListener('languagechange', () => this._render());
    // Said at the field, and in a summary that takes the keyboard, as in every other form.
    this.errors = new FormErrors($('#feedback'), $('#feedback-errors'), this.i18n, { check: () => missingRequired($('#feedback')) });
    $('#feedback').addEventListener('submit', (event) => {
      event.preventDefault();
      this._send();
    });
    this.statement = await api('/api/accessibility');
    this._render();
  }

  _render() {
    const statement = this.statement;
    if (!statement) {
      return;
    }
    $('#conformance').textContent = this.i18n.t(`a11y.conformance.${statement.conformance}`);
    $('#prepared-on').textContent = formatDate(statement.preparedOn, this.i18n.language);
    $('#reviewed-on').textContent = formatDate(statement.reviewedOn, this.i18n.language);
    $('#method').textContent = statement.method;
    $('#gaps').replaceChildren(...statement.knownGaps.map((gap) => el('li', {}, gap)));
    $('#contact').textContent = statement.contact;
    $('#enforcement').textContent = statement.enforcementBody;
  }

  async _send() {
    const message = $('#feedback-message').value.trim();
    const email = $('#feedback-email').value.trim();
    const result = $('#feedback-result');
    const missing = missingRequired($('#feedback'));
    if (missing.length) {
      I18n.showAsIs(result, '');
      this.errors.show(missing);
      return;
    }
    this.errors.clear();
    try {
      await api('/api/accessibility/feedback', {
        method: 'POST',
        body: { message, email: email || null, page: document.referrer || null, language: this.i18n.language },
      });
      $('#feedback').reset();
      this.i18n.say(result, 'a11y.thanks');
    }
    catch (failure) {
      if (failure instanceof ApiError && failure.errors.length) {
        this.errors.show(failure.errors.map((error) => ({ field: error.field, message: error.message })));
        return;
      }
      if (failure instanceof ApiError && failure.detail) {
        I18n.showAsIs(result, failure.detail);
      }
      else {
        this.i18n.say(result, 'error.network');
      }
    }
  }

}
