import { api } from '../core/api.js';
import { startStaffPage } from '../shell/staffPage.js';
import { FieldPage } from '../field/FieldPage.js';
import { FieldStore } from '../field/FieldStore.js';
import { registerFieldApp } from '../field/registerFieldApp.js';

/**
 * The field team's assignments (field.html), an installable app that also starts without a
 * network: the member, the categories and the map settings come from the phone then.
 */
async function start() {
  // Preloaded by field.html (on a slow connection every round trip counts); null without a network.
  const firstList = answerOrNull('/api/field/assignments');
  const settings = Promise.all([answerOrNull('/api/categories'), answerOrNull('/api/config')]);
  let store = await new FieldStore().open();
  const { i18n, me } = await startStaffPage({
    title: 'field.title',
    dictionary: 'field',
    titleId: 'team-name',
    offlineMe: () => store.get('me'),
    beforeLogout: async () => {
      store.close();
      await FieldStore.forget();
    },
  });
  const kept = await store.get('me');
  if (kept && me.username && kept.username !== me.username) {
    // Someone else signed in on this phone without the last member signing out: their data goes.
    store.close();
    await FieldStore.forgetData();
    store = await new FieldStore().open();
  }
  await store.put('me', { username: me.username, displayName: me.displayName, secondFactorPending: false });
  const [freshCategories, freshConfig] = await settings;
  const categories = await keptOrSaved(store, 'categories', freshCategories);
  const config = await keptOrSaved(store, 'config', freshConfig);
  registerFieldApp(i18n);
  await new FieldPage(i18n, categories, config.map, store).start(firstList);
}

/** The server's answer (the page's preload of it), or null when it cannot be had (no network). */
function answerOrNull(path) {
  return api(path, { plain: true }).catch(() => null);
}

/** What the server just sent, kept on the phone; without it (no network), what was kept before. */
async function keptOrSaved(store, name, fresh) {
  if (fresh !== null) {
    await store.put(name, fresh);
    return fresh;
  }
  const saved = await store.get(name);
  if (saved === undefined) {
    throw new Error(`Nothing kept on this phone yet: ${name}`);
  }
  return saved;
}

start();
