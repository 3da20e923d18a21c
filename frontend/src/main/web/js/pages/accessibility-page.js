import { I18n } from '../core/i18n.js';
import { api, setApiLanguage } from '../core/api.js';
import { $ } from '../core/dom.js';
import { renderPageShell } from '../shell/pageShell.js';
import { StatementPage } from '../accessibility/StatementPage.js';

/** The accessibility statement (accessibility.html, /barrierefreiheit). */
async function start() {
  renderPageShell({ title: 'report.siteTitle', home: true });
  const config = await api('/api/config');
  const i18n = new I18n(config.languages);
  await i18n.use(i18n.initialLanguage(), { remember: false });
  setApiLanguage(i18n.language);
  i18n.bindSelector($('#language'));
  document.addEventListener('languagechange', () => setApiLanguage(i18n.language));
  await new StatementPage(i18n).start();
}

start();
