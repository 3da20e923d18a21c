import { startStaffPage } from '../shell/staffPage.js';
import { PartnerDeskPage } from '../referral/PartnerDeskPage.js';

/** A partner organisation's referrals (partner.html). */
async function start() {
  const { i18n } = await startStaffPage({ title: 'partner.title', wide: true });
  await new PartnerDeskPage(i18n).start();
}

start();
