import { startStaffPage } from '../shell/staffPage.js';
import { SecondFactorPage } from '../mfa/SecondFactorPage.js';

/** The second factor: code step, setting up an authenticator app, status (mfa.html). */
async function start() {
  const { i18n, me } = await startStaffPage();
  await new SecondFactorPage(i18n, me).start();
  document.body.dataset.ready = 'true';
}

start();
