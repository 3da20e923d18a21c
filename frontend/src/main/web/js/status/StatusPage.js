import { I18n } from '../core/i18n.js';
import { api, ApiError, setApiLanguage } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { formatDateTime } from '../core/format.js';
import { categoryLabel } from '../core/categories.js';
import { takeOverSubmit } from '../core/forms.js';
import { FormErrors } from '../core/FormErrors.js';

/**
 * The public status page: the progress of a report by its tracking code, in neutral words and
 * in the reporter's language (unless they chose another). Nothing personal is shown, because
 * the server sends nothing personal.
 */
const STAGES = ['RECEIVED', 'IN_PROGRESS', 'DONE'];

export class StatusPage {

  constructor(i18n, categories) {
    this.i18n = i18n;
    this.categories = categories;
    this.status = null;
  }

  start() {
    $('#still-a-problem-button').addEventListener('click', () => this._stillAProblem());
    const missing = () => ($('#code').value.trim() ? [] : [{ field: 'code', key: 'status.codeMissing' }]);
    const errors = new FormErrors($('#lookup'), $('#lookup-errors'), this.i18n, { check: missing });
    this.errors = errors;
    takeOverSubmit($('#lookup'), () => {
      const code = $('#code').value.trim();
      if (!code) {
        // The answer about the code looked up before no longer belongs to what the form holds.
        $('#message').replaceChildren();
        errors.show(missing());
        return;
      }
      window.location.assign(`/status/${encodeURIComponent(code)}`);
    });
    document.addEventListener('languagechange', () => {
      setApiLanguage(this.i18n.language);
      this._render();
    });
    const code = decodeURIComponent(window.location.pathname.replace(/^\/status\/?/, ''));
    if (code) {
      $('#code').value = code;
      this._load(code);
    }
  }

  async _load(code) {
    try {
      this.status = await api(`/api/reports/${encodeURIComponent(code)}`);
      // Found as typed (other digits, dashes, lower case): the address and the field show
      // the code as it is written, for a bookmark or to read out.
      if (this.status.trackingCode !== code) {
        $('#code').value = this.status.trackingCode;
        window.history.replaceState(null, '', `/status/${this.status.trackingCode}`);
      }
      if (!I18n.hasRememberedLanguage() && this.status.language !== this.i18n.language) {
        await this.i18n.use(this.status.language, { remember: false });
        $('#language').value = this.status.language;
      }
      this._render();
      $('#result-heading').focus();
    }
    catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) {
        // The code typed is what is wrong: said at the field, and the keyboard goes there.
        this.errors.show([{ field: 'code', key: 'status.notFound' }]);
        return;
      }
      const text = (failure instanceof ApiError && failure.status === 429) ? this.i18n.t('status.tooMany')
        : this.i18n.t('error.network');
      const notice = el('p', { className: 'notice notice--warning', tabindex: '-1' }, text);
      $('#message').replaceChildren(notice);
      notice.focus();
    }
  }

  _render() {
    const status = this.status;
    if (!status) {
      return;
    }
    $('#result').hidden = false;
    $('#result-code').textContent = status.trackingCode;
    $('#result-category').textContent = categoryLabel(this.categories, status.category, this.i18n.language);
    $('#result-submitted').textContent = formatDateTime(status.submittedAt, this.i18n.language);
    $('#result-updated').textContent = formatDateTime(status.updatedAt, this.i18n.language);
    const reached = status.status === 'RECEIVED' ? 0 : status.status === 'IN_PROGRESS' ? 1 : 2;
    $('#result-progress').replaceChildren(...STAGES.map((stage, index) => {
      const label = stage === 'DONE' ? this.i18n.t(`status.stage.${reached === 2 ? status.status : 'DONE'}`) : this.i18n.t(`status.stage.${stage}`);
      const item = el('li', { className: index < reached || (index === reached && reached === 2) ? 'done' : '' }, label);
      if (index === reached) {
        item.setAttribute('aria-current', 'step');
      }
      return item;
    }));
    $('#result-text').textContent = status.outcome ? this.i18n.t(`status.outcome.${status.outcome}`)
      : this.i18n.t(`status.text.${status.status}`);
    $('#result-referred').hidden = !status.referredTo;
    $('#result-referred-to').textContent = status.referredTo || '';
    const messages = status.messages || [];
    $('#result-messages').hidden = messages.length === 0;
    $('#result-message-list').replaceChildren(...messages.map((message) => el('li', {},
      // Written by staff, in whatever language and script they wrote it: isolated, so that an
      // Arabic page does not move a German sentence's full stop to its front.
      // The date on a line of its own: side by side, an Arabic date and a German sentence run together.
      el('time', { dateTime: message.at, className: 'meta' }, formatDateTime(message.at, this.i18n.language)),
      // In the language it was written in, where the lead said: a screen reader reads a German
      // message on a Farsi page in German.
      el('p', { dir: 'auto', lang: message.language ?? undefined, className: 'staff-message' }, message.text))));
    const ended = ['RESOLVED', 'REFERRED', 'CLOSED'].includes(status.status) && status.outcome !== 'DUPLICATE';
    $('#still-a-problem').hidden = !ended;
  }

  /** "Still a problem?": reopens the incident (or opens a following one) and shows the new state. */
  async _stillAProblem() {
    const code = this.status.trackingCode;
    const result = $('#still-a-problem-result');
    try {
      const answer = await api(`/api/reports/${encodeURIComponent(code)}/still-a-problem`, { method: 'POST' });
      this.status = await api(`/api/reports/${encodeURIComponent(code)}`);
      // Found as typed (other digits, dashes, lower case): the address and the field show
      // the code as it is written, for a bookmark or to read out.
      if (this.status.trackingCode !== code) {
        $('#code').value = this.status.trackingCode;
        window.history.replaceState(null, '', `/status/${this.status.trackingCode}`);
      }
      this._render();
      result.textContent = this.i18n.t(answer.followUp ? 'status.followUp' : 'status.reopened');
      // A box of its own: under the team's messages, a plain line would read as one more of them.
      result.className = 'notice';
      // The button went with the ended state: the keyboard goes to what happened instead.
      result.focus();
    }
    catch (failure) {
      result.textContent = (failure instanceof ApiError && failure.detail) ? failure.detail : this.i18n.t('error.network');
      result.className = 'notice notice--warning';
    }
  }

}
