import { I18n } from '../core/i18n.js';
import { api, setApiLanguage } from '../core/api.js';
import { $, el } from '../core/dom.js';

/**
 * What every staff page shares: German or English, the signed-in member in the header, and
 * sign-out (which ends every session of the account, also on other devices).
 */
export const STAFF_LANGUAGES = [{ code: 'de', rightToLeft: false }, { code: 'en', rightToLeft: false }];

/** Where each role starts after signing in. */
export const HOME_BY_ROLE = { DISPATCHER: '/board', COUNTER: '/counter', FIELD: '/field', ADMIN: '/admin', ANALYST: '/stats' };

export async function startStaffPage() {
  const i18n = new I18n(STAFF_LANGUAGES);
  await i18n.use(i18n.initialLanguage('de'), { remember: false });
  setApiLanguage(i18n.language);
  document.addEventListener('languagechange', () => setApiLanguage(i18n.language));
  const selector = $('#language');
  if (selector) {
    i18n.bindSelector(selector);
  }
  const me = await api('/api/auth/me');
  const who = $('#who');
  if (who) {
    who.replaceChildren(el('span', { className: 'who' }, me.displayName),
      el('button', { type: 'button', className: 'button button--small', id: 'logout', onClick: logout }, i18n.t('common.logout')));
  }
  return { i18n, me };
}

async function logout() {
  try {
    await api('/api/auth/logout', { method: 'POST' });
  }
  finally {
    window.location.assign('/login');
  }
}
