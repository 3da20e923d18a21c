import { api } from '../core/api.js';
import { $ } from '../core/dom.js';
import { I18n } from '../core/i18n.js';
import { startPublicPage } from '../shell/publicPage.js';

/**
 * The page behind a mail's stop link: one button, so that a mail scanner opening the link
 * stops nothing; only the person pressing it does. The keyboard never falls to the page's
 * top: while the request is on its way the button stays focusable (aria-disabled), and once
 * mail is stopped the button goes and the keyboard moves to the sentence that says so.
 */
async function start() {
  const query = new URLSearchParams(window.location.search);
  const { i18n } = await startPublicPage({ preferred: query.get('lang') });
  const token = query.get('t') || '';
  const button = $('#stop');
  const result = $('#result');
  let sending = false;
  button.addEventListener('click', async () => {
    if (sending) {
      return;
    }
    sending = true;
    button.setAttribute('aria-disabled', 'true');
    try {
      await api(`/api/mail/stop?t=${encodeURIComponent(token)}`, { method: 'POST' });
      i18n.say(result, 'mailStop.done');
      button.hidden = true;
      result.tabIndex = -1;
      result.focus();
    }
    catch (failure) {
      if (failure.detail) {
        I18n.showAsIs(result, failure.detail);
      }
      else {
        i18n.say(result, 'error.network');
      }
    }
    finally {
      sending = false;
      button.removeAttribute('aria-disabled');
    }
  });
}

start();
