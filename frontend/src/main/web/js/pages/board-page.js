import { api } from '../core/api.js';
import { startStaffPage } from '../shell/staffPage.js';
import { DispatchBoard } from '../board/DispatchBoard.js';

/** The team leads' live board (board.html). */
async function start() {
  const { i18n } = await startStaffPage({ title: 'board.title', heading: true, wide: true, skipTo: '#queue', skipText: 'board.skipToQueue' });
  const [config, categories, quarters] = await Promise.all([api('/api/config'), api('/api/categories'), api('/api/quarters')]);
  const quarterList = quarters.features.map((feature) => feature.properties).sort((a, b) => a.name.localeCompare(b.name));
  await new DispatchBoard(i18n, config, categories, quarterList).start();
}

start();
