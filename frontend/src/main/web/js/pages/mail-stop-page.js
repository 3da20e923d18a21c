import { I18n } from '../core/i18n.js';
import { api, setApiLanguage } from '../core/api.js';
import { $ } from '../core/dom.js';
import { renderPageShell } from '../shell/pageShell.js';

/**
 * The page behind a mail's stop link: one button, so that a mail scanner opening the link
 * stops nothing; only the person pressing it does.
 */
async function start() {
  renderPageShell({ title: 'report.siteTitle', home: true });
  const config = await api('/api/config');
  const i18n = new I18n(config.languages);
  await i18n.use(i18n.initialLanguage(), { remember: false });
  setApiLanguage(i18n.language);
  i18n.bindSelector($('#language'));
  const token = new URLSearchParams(window.location.search).get('t') || '';
  const button = $('#stop');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api(`/api/mail/stop?t=${encodeURIComponent(token)}`, { method: 'POST' });
      $('#result').textContent = i18n.t('mailStop.done');
    }
    catch (failure) {
      button.disabled = false;
      $('#result').textContent = failure.detail || i18n.t('error.network');
    }
  });
}

start();
