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
