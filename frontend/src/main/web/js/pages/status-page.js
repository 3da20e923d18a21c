import { I18n } from '../core/i18n.js';
import { api, setApiLanguage } from '../core/api.js';
import { $ } from '../core/dom.js';
import { renderPageShell } from '../shell/pageShell.js';
import { StatusPage } from '../status/StatusPage.js';

/** The public status page (status.html). */
async function start() {
  renderPageShell({ title: 'report.siteTitle', home: true });
  const [config, categories] = await Promise.all([api('/api/config'), api('/api/categories')]);
  const i18n = new I18n(config.languages);
  await i18n.use(i18n.initialLanguage(), { remember: false });
  setApiLanguage(i18n.language);
  i18n.bindSelector($('#language'));
  new StatusPage(i18n, categories).start();
}

start();
