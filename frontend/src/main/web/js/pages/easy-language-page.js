import { $ } from '../core/dom.js';
import { showContactPoints } from '../report/ContactPointList.js';
import { startPublicPage } from '../shell/publicPage.js';

/**
 * The Leichte Sprache page (leichte-sprache.html): its text is Leichte Sprache, which is
 * German by definition; only the shared parts follow the language selector. "Go to a contact
 * point" comes with the contact points: where, when and their phone.
 */
const { i18n } = await startPublicPage();
showContactPoints($('#in-person'), i18n);
// The page's text stays German; the contact points speak the language chosen, and say so.
const markLanguage = () => {
  $('#in-person').lang = i18n.language;
  $('#in-person').dir = document.documentElement.dir || 'ltr';
};
markLanguage();
document.addEventListener('languagechange', markLanguage);
