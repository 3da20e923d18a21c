import { $ } from '../core/dom.js';

/**
 * Installs the field app's service worker (field-sw.js, which keeps the app itself on the
 * phone) and says when the app is ready to be used without a network.
 */
export async function registerFieldApp(i18n) {
  const status = $('#offline-ready');
  // data-i18n: the page translates it again when the member changes the language.
  const say = (key) => {
    status.dataset.i18n = key;
    status.textContent = i18n.t(key);
  };
  if (!('serviceWorker' in navigator)) {
    say('field.offlineUnsupported');
    return;
  }
  try {
    await navigator.serviceWorker.register('/field-sw.js', { scope: '/field' });
    await navigator.serviceWorker.ready;
    say('field.offlineReady');
    status.dataset.ready = 'yes';
  }
  catch (failure) {
    say('field.offlineUnsupported');
  }
}
