import { I18n } from '../core/i18n.js';
import { api, setApiLanguage } from '../core/api.js';
import { $, el } from '../core/dom.js';
import { renderPageShell } from './pageShell.js';

/**
 * What every staff page shares: the page shell, German or English, the signed-in member in the header, and
 * sign-out (which ends every session of the account, also on other devices).
 */
export const STAFF_LANGUAGES = [{ code: 'de', rightToLeft: false }, { code: 'en', rightToLeft: false }];

/** Where each role starts after signing in. */
export const HOME_BY_ROLE = { DISPATCHER: '/board', COUNTER: '/counter', FIELD: '/field', ADMIN: '/admin', ANALYST: '/stats', PARTNER: '/partner' };

/** Pages a sign-in may lead back to (`?next=`); anything else goes to the role's home. */
export const STAFF_PAGES = ['/counter', '/board', '/field', '/admin', '/stats', '/directory', '/partner'];

/** Where a member with these roles goes after signing in: `next` if it is a staff page, else the first role's home. */
export function destinationAfterSignIn(next, roles) {
  if (next && STAFF_PAGES.includes(next)) {
    return next;
  }
  const role = Object.keys(HOME_BY_ROLE).find((candidate) => roles.includes(candidate));
  return HOME_BY_ROLE[role] || '/';
}

/**
 * @param shell the page shell's settings, and for a page that works offline (the field app):
 *   offlineMe() the member as last seen, when the server cannot be reached; beforeLogout()
 *   what to erase on the device before signing out; dictionary, the page's
 *   share of the translations to load instead of the whole (see I18n)
 */
export async function startStaffPage(shell = {}) {
  renderPageShell({ ...shell, staff: true });
  // Asked for beside the translations, not after them: one round trip less on a slow connection.
  const meRequest = whoAmI(shell.offlineMe);
  meRequest.catch(() => null);
  const i18n = new I18n(STAFF_LANGUAGES, { share: shell.dictionary });
  await i18n.use(i18n.initialLanguage('de'), { remember: false });
  setApiLanguage(i18n.language);
  document.addEventListener('languagechange', () => setApiLanguage(i18n.language));
  const selector = $('#language');
  if (selector) {
    i18n.bindSelector(selector);
  }
  const me = await meRequest;
  const who = $('#who');
  if (who) {
    who.replaceChildren(el('span', { className: 'who' }, me.displayName),
      me.secondFactorPending ? '' : el('a', { href: '/mfa', className: 'who-link', dataset: { i18n: 'mfa.link' } }, i18n.t('mfa.link')),
      el('button', { type: 'button', className: 'button button--small', id: 'logout', dataset: { i18n: 'common.logout' }, onClick: () => logout(shell.beforeLogout) }, i18n.t('common.logout')));
  }
  return { i18n, me };
}

async function whoAmI(offlineMe) {
  try {
    // Plain, so that a page's preload of it is used.
    return await api('/api/auth/me', { plain: true });
  }
  catch (failure) {
    const cached = (offlineMe && failure.status === 0) ? await offlineMe() : null;
    if (!cached) {
      throw failure;
    }
    return cached;
  }
}

async function logout(beforeLogout) {
  try {
    if (beforeLogout) {
      await beforeLogout();
    }
    await api('/api/auth/logout', { method: 'POST' });
  }
  finally {
    window.location.assign('/login');
  }
}
