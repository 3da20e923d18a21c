import { I18n } from '../core/i18n.js';
import { api, setApiLanguage } from '../core/api.js';
import { $ } from '../core/dom.js';
import { renderPageShell } from '../shell/pageShell.js';

/**
 * The Leichte Sprache page (leichte-sprache.html): its text is Leichte Sprache, which is
 * German by definition; only the shared parts follow the language selector.
 */
async function start() {
  renderPageShell({ title: 'report.siteTitle', home: true });
  const config = await api('/api/config');
  const i18n = new I18n(config.languages);
  await i18n.use(i18n.initialLanguage(), { remember: false });
  setApiLanguage(i18n.language);
  i18n.bindSelector($('#language'));
}

start();
