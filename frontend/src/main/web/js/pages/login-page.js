import { I18n } from '../core/i18n.js';
import { setApiLanguage } from '../core/api.js';
import { $ } from '../core/dom.js';
import { renderPageShell } from '../shell/pageShell.js';
import { STAFF_LANGUAGES } from '../shell/staffPage.js';
import { signIn } from '../login/signIn.js';

/** Staff sign-in (login.html). */
async function start() {
  renderPageShell();
  const i18n = new I18n(STAFF_LANGUAGES);
  await i18n.use(i18n.initialLanguage('de'), { remember: false });
  setApiLanguage(i18n.language);
  document.addEventListener('languagechange', () => setApiLanguage(i18n.language));
  i18n.bindSelector($('#language'));
  await signIn(i18n);
}

start();
