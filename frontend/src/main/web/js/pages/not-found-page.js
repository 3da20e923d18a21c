import { I18n } from '../core/i18n.js';
import { api } from '../core/api.js';
import { $ } from '../core/dom.js';
import { renderPageShell } from '../shell/pageShell.js';

/**
 * What a browser gets for an address no page answers (a mistyped or shortened link from a
 * letter or a mail): where to go instead, in the reader's language.
 */
async function start() {
  renderPageShell({ title: 'report.siteTitle', home: true });
  const config = await api('/api/config');
  const i18n = new I18n(config.languages);
  await i18n.use(i18n.initialLanguage(), { remember: false });
  i18n.bindSelector($('#language'));
}

start();
