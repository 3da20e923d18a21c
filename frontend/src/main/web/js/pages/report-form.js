import { I18n } from '../core/i18n.js';
import { api } from '../core/api.js';
import { $ } from '../core/dom.js';
import { renderPageShell } from '../shell/pageShell.js';
import { ReportForm } from '../report/ReportForm.js';
import { showContactPoints } from '../report/ContactPointList.js';

/** The residents' report form (index.html). */
async function start() {
  renderPageShell({ title: 'report.siteTitle' });
  const [config, categories] = await Promise.all([api('/api/config'), api('/api/categories')]);
  const i18n = new I18n(config.languages);
  await i18n.use(i18n.initialLanguage(), { remember: false });
  i18n.bindSelector($('#language'));
  new ReportForm(i18n, config, categories).start();
  showContactPoints($('#in-person'), i18n);
}

start();
