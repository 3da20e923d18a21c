import { api } from '../core/api.js';
import { startStaffPage } from '../shell/staffPage.js';
import { DispatchBoard } from '../board/DispatchBoard.js';

/**
 * The team leads' live board (board.html). Its first answers, the snapshot of up to 10,000
 * incidents among them, are preloaded by the page while its modules load.
 */
async function start() {
  const preloaded = (path) => api(path, { plain: true });
  const snapshot = preloaded('/api/board/snapshot');
  snapshot.catch(() => null); // awaited by the board; a failure is handled there
  const settings = Promise.all([preloaded('/api/config'), preloaded('/api/categories'), preloaded('/api/quarters')]);
  const { i18n } = await startStaffPage({ title: 'board.title', heading: true, wide: true, skipTo: '#queue', skipText: 'board.skipToQueue' });
  const [config, categories, quarters] = await settings;
  await new DispatchBoard(i18n, config, categories, quarters).start(snapshot);
}

start();
