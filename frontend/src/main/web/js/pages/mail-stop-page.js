import { api } from '../core/api.js';
import { $ } from '../core/dom.js';
import { startPublicPage } from '../shell/publicPage.js';

/**
 * The page behind a mail's stop link: one button, so that a mail scanner opening the link
 * stops nothing; only the person pressing it does.
 */
async function start() {
  const query = new URLSearchParams(window.location.search);
  const { i18n } = await startPublicPage({ preferred: query.get('lang') });
  const token = query.get('t') || '';
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
