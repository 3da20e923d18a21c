import { api } from '../core/api.js';
import { startStaffPage } from '../shell/staffPage.js';
import { CounterForm } from '../counter/CounterForm.js';

/** The contact-point counter (counter.html). */
async function start() {
  const { i18n, me } = await startStaffPage({ title: 'counter.title', wide: true });
  const [config, categories, contactPoints] = await Promise.all([api('/api/config'), api('/api/categories'), api('/api/contact-points')]);
  await new CounterForm(i18n, me, config, categories, contactPoints).start();
}

start();
