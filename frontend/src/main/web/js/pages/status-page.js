import { I18n } from '../core/i18n.js';
import { api, ApiError, setApiLanguage } from '../core/api.js';
import { $, el, formatDateTime } from '../core/dom.js';
import { takeOverSubmit } from '../core/forms.js';

/**
 * The public status page: the progress of a report by its tracking code, in neutral words and
 * in the reporter's language (unless they chose another). Nothing personal is shown, because
 * the server sends nothing personal.
 */
const STAGES = ['RECEIVED', 'IN_PROGRESS', 'DONE'];

class StatusPage {

  constructor(i18n, categories) {
    this.i18n = i18n;
    this.categories = categories;
    this.status = null;
  }

  start() {
    takeOverSubmit($('#lookup'), () => {
      const code = $('#code').value.trim();
      if (code) {
        window.location.assign(`/status/${encodeURIComponent(code)}`);
      }
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
      if (!I18n.hasRememberedLanguage() && this.status.language !== this.i18n.language) {
        await this.i18n.use(this.status.language, { remember: false });
        $('#language').value = this.status.language;
      }
      this._render();
      $('#result-heading').focus();
    }
    catch (failure) {
      const text = (failure instanceof ApiError && failure.status === 404) ? this.i18n.t('status.notFound')
        : (failure instanceof ApiError && failure.status === 429) ? this.i18n.t('status.tooMany')
          : this.i18n.t('error.network');
      $('#message').replaceChildren(el('p', { className: 'notice notice--warning' }, text));
    }
  }

  _render() {
    const status = this.status;
    if (!status) {
      return;
    }
    const category = this.categories.find((candidate) => candidate.code === status.category);
    $('#result').hidden = false;
    $('#result-code').textContent = status.trackingCode;
    $('#result-category').textContent = category ? (category.labels[this.i18n.language] || category.labels.de) : status.category;
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
    $('#result-text').textContent = this.i18n.t(`status.text.${status.status}`);
  }

}

async function start() {
  const [config, categories] = await Promise.all([api('/api/config'), api('/api/categories')]);
  const i18n = new I18n(config.languages);
  await i18n.use(i18n.initialLanguage(), { remember: false });
  setApiLanguage(i18n.language);
  i18n.bindSelector($('#language'));
  new StatusPage(i18n, categories).start();
}

start();
