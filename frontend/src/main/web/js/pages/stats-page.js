import { api } from '../core/api.js';
import { startStaffPage } from '../shell/staffPage.js';
import { StatsPage } from '../stats/StatsPage.js';

/** Anonymised statistics (stats.html). */
async function start() {
  const { i18n } = await startStaffPage({ title: 'stats.title', wide: true });
  const [categories, config] = await Promise.all([api('/api/categories'), api('/api/config')]);
  await new StatsPage(i18n, categories, config.map).start();
  document.body.dataset.ready = 'true';
}

start();
