import { I18n } from '../core/i18n.js';
import { api, setApiLanguage } from '../core/api.js';
import { $ } from '../core/dom.js';
import { renderPageShell } from './pageShell.js';

/**
 * The start every public page beside the report form shares: the shell with its way home, the
 * reader's language (not remembered: a shared computer at a contact point), and the API asked
 * in the language shown, also after it is changed.
 *
 * @param preferred a language the page should speak unless the reader chose another (a mail's
 *   link names the mail's)
 * @return the page's translations and the installation's /api/config
 */
export async function startPublicPage({ preferred = null } = {}) {
  renderPageShell({ title: 'report.siteTitle', home: true });
  const config = await api('/api/config');
  const i18n = new I18n(config.languages);
  await i18n.use(i18n.initialLanguage(preferred), { remember: false });
  setApiLanguage(i18n.language);
  i18n.bindSelector($('#language'));
  document.addEventListener('languagechange', () => setApiLanguage(i18n.language));
  return { i18n, config };
}
