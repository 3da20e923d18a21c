import { startPublicPage } from '../shell/publicPage.js';
import { StatementPage } from '../accessibility/StatementPage.js';

/** The accessibility statement (accessibility.html, /barrierefreiheit). */
async function start() {
  const { i18n } = await startPublicPage();
  await new StatementPage(i18n).start();
}

start();
