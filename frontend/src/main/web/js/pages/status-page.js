import { api } from '../core/api.js';
import { startPublicPage } from '../shell/publicPage.js';
import { StatusPage } from '../status/StatusPage.js';

/** The public status page (status.html). */
async function start() {
  const [{ i18n }, categories] = await Promise.all([startPublicPage(), api('/api/categories')]);
  new StatusPage(i18n, categories).start();
}

start();
