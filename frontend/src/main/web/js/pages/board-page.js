import { earlyOrApi, takeEarly } from '../core/api.js';
import { startStaffPage } from '../shell/staffPage.js';
import { DispatchBoard } from '../board/DispatchBoard.js';

/**
 * The team leads' live board (board.html). Its first requests, the snapshot of up to 10,000
 * incidents among them, are started by shell/early.js while the modules load.
 */
async function start() {
  const snapshot = earlyOrApi('/api/board/snapshot');
  const settings = Promise.all([earlyOrApi('/api/config'), earlyOrApi('/api/categories'), earlyOrApi('/api/quarters')]);
  const { i18n } = await startStaffPage({ title: 'board.title', heading: true, wide: true, skipTo: '#queue', skipText: 'board.skipToQueue',
    earlyMe: takeEarly('/api/auth/me') });
  const [config, categories, quarters] = await settings;
  const quarterList = quarters.features.map((feature) => feature.properties).sort((a, b) => a.name.localeCompare(b.name));
  await new DispatchBoard(i18n, config, categories, quarterList).start(snapshot);
}

start();
