import { startPublicPage } from '../shell/publicPage.js';

/**
 * The Leichte Sprache page (leichte-sprache.html): its text is Leichte Sprache, which is
 * German by definition; only the shared parts follow the language selector.
 */
startPublicPage();
