import { api } from '../core/api.js';
import { startStaffPage } from '../shell/staffPage.js';
import { DirectoryPage } from '../referral/DirectoryPage.js';

/** The directory of partner services and referrals (directory.html). */
async function start() {
  const { i18n } = await startStaffPage({ title: 'directory.title', wide: true });
  const quarters = await api('/api/quarters');
  const list = (quarters.features || []).map((feature) => feature.properties)
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
  await new DirectoryPage(i18n, list).start();
}

start();
