import { startPublicPage } from '../shell/publicPage.js';

/**
 * What a browser gets for an address no page answers (a mistyped or cut-off link from a
 * letter or a mail): where to go instead, in the reader's language.
 */
startPublicPage();
